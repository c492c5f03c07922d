// A strict structural check of the Mermaid flowchart subset the README uses.
//
// Why not a real parser: @mermaid-js/parser (2.x needs Node >= 22.12; no
// version parses flowcharts, which still use mermaid's own jison grammar), and
// mermaid 11 on Node 20 cannot parse a flowchart without a browser DOM
// (mermaid.parse calls DOMPurify.addHook / sanitize, which need a window). So
// this accepts exactly the statements the generator emits and rejects
// everything else, and also checks what Mermaid itself would not: that every
// edge joins declared nodes and every node is connected.

export interface FlowchartNode {
  readonly id: string;
  readonly shape: "box" | "cylinder" | "stadium";
  readonly label: string;
}

export interface FlowchartEdge {
  readonly from: string;
  readonly to: string;
  readonly dotted: boolean;
  readonly label: string | undefined;
}

export interface Flowchart {
  readonly direction: string;
  readonly nodes: ReadonlyMap<string, FlowchartNode>;
  readonly edges: readonly FlowchartEdge[];
}

// Words the flowchart grammar treats as keywords; a node id equal to one breaks the diagram.
const RESERVED = new Set(["end", "graph", "flowchart", "subgraph", "style", "class", "classDef", "click", "linkStyle", "default", "direction", "call", "href"]);
const ID = "([A-Za-z][A-Za-z0-9_]*)";
// A quoted label: no raw double quote (Mermaid has no escape; the generator writes #quot;).
const LABEL = '"([^"]+)"';
const SHAPES: readonly [FlowchartNode["shape"], string, string][] = [
  ["cylinder", "[(", ")]"],
  ["stadium", "([", "])"],
  ["box", "[", "]"],
];
const esc = (s: string) => s.replace(/[[\]()]/g, "\\$&");
const NODE_PATTERNS = SHAPES.map(([shape, open, close]) => ({ shape, re: new RegExp(`^  ${ID}${esc(open)}${LABEL}${esc(close)}$`) }));
const EDGE = new RegExp(`^  ${ID} (-->|-\\.->)(?:\\|${LABEL}\\|)? ${ID}$`);

function checkLabel(label: string, where: string): void {
  // The only markup allowed is the line break; anything else would be HTML Mermaid might drop or reject.
  const tags = label.match(/<[^>]*>/g) ?? [];
  for (const tag of tags) if (tag !== "<br/>") throw new Error(`${where}: label contains markup ${tag}`);
  const entities = label.match(/#[a-z]+;|&[a-z]+;/g) ?? [];
  for (const e of entities) if (e !== "#quot;") throw new Error(`${where}: label contains entity ${e}`);
  if (label.trim() === "" || label.split("<br/>").some((part) => part.trim() === "")) throw new Error(`${where}: empty label line`);
}

export function parseFlowchart(text: string): Flowchart {
  const lines = text.split("\n");
  const header = /^flowchart (LR|RL|TB|TD|BT)$/.exec(lines[0] ?? "");
  if (!header) throw new Error(`line 1: expected "flowchart <direction>", got "${lines[0]}"`);
  const nodes = new Map<string, FlowchartNode>();
  const edges: FlowchartEdge[] = [];
  lines.slice(1).forEach((line, i) => {
    const where = `line ${i + 2}`;
    const edge = EDGE.exec(line);
    if (edge) {
      const [, from, arrow, label, to] = edge;
      if (label !== undefined) checkLabel(label, where);
      edges.push({ from: from!, to: to!, dotted: arrow === "-.->", label });
      return;
    }
    for (const { shape, re } of NODE_PATTERNS) {
      const m = re.exec(line);
      if (!m) continue;
      const [, id, label] = m;
      if (RESERVED.has(id!)) throw new Error(`${where}: node id "${id}" is a flowchart keyword`);
      if (nodes.has(id!)) throw new Error(`${where}: node "${id}" declared twice`);
      checkLabel(label!, where);
      nodes.set(id!, { id: id!, shape, label: label! });
      return;
    }
    throw new Error(`${where}: not a node or edge statement: "${line}"`);
  });
  for (const e of edges) {
    for (const end of [e.from, e.to]) if (!nodes.has(end)) throw new Error(`edge ${e.from} -> ${e.to} uses undeclared node "${end}"`);
  }
  for (const id of nodes.keys()) {
    if (!edges.some((e) => e.from === id || e.to === id)) throw new Error(`node "${id}" is not connected to anything`);
  }
  return { direction: header[1]!, nodes, edges };
}

/** True when `to` can be reached from `from` along solid edges. */
export function reaches(chart: Flowchart, from: string, to: string): boolean {
  const seen = new Set<string>([from]);
  const queue = [from];
  while (queue.length > 0) {
    const at = queue.shift()!;
    if (at === to) return true;
    for (const e of chart.edges) {
      if (e.from === at && !e.dotted && !seen.has(e.to)) {
        seen.add(e.to);
        queue.push(e.to);
      }
    }
  }
  return false;
}
