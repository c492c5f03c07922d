// A strict structural check of the Mermaid flowchart subset the README uses.
//
// Why not a real parser: @mermaid-js/parser (2.x needs Node >= 22.12; no
// version parses flowcharts, which still use mermaid's own jison grammar), and
// mermaid 11 on Node 20 cannot parse a flowchart without a browser DOM
// (mermaid.parse calls DOMPurify.addHook / sanitize, which need a window). So
// this accepts exactly the statements the generator emits and rejects
// everything else, and also checks what Mermaid itself would not: that every
// edge joins declared nodes, every node is connected, ids are unique across
// nodes and subgraphs, and every subgraph is closed by its own `end`.

export interface FlowchartNode {
  readonly id: string;
  readonly shape: "box" | "cylinder" | "stadium";
  readonly label: string;
  /** Innermost subgraph the node is declared in; undefined at top level. */
  readonly subgraph: string | undefined;
}

export interface FlowchartSubgraph {
  readonly id: string;
  readonly label: string;
  /** Enclosing subgraph; undefined at top level. */
  readonly parent: string | undefined;
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
  readonly subgraphs: ReadonlyMap<string, FlowchartSubgraph>;
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
const NODE_PATTERNS = SHAPES.map(([shape, open, close]) => ({ shape, re: new RegExp(`^${ID}${esc(open)}${LABEL}${esc(close)}$`) }));
// Edges: `a --> b`, `a -.-> b`, `a -- text --> b`, `a -. text .-> b`. Edge text is unquoted in
// these forms, so it is held to letters, digits, spaces and commas: a hyphen or dot could end the arrow.
const EDGE_TEXT = "([A-Za-z0-9,]+(?: [A-Za-z0-9,]+)*)";
const EDGES: readonly { re: RegExp; dotted: boolean }[] = [
  { re: new RegExp(`^${ID} --> ${ID}$`), dotted: false },
  { re: new RegExp(`^${ID} -\\.-> ${ID}$`), dotted: true },
  { re: new RegExp(`^${ID} -- ${EDGE_TEXT} --> ${ID}$`), dotted: false },
  { re: new RegExp(`^${ID} -\\. ${EDGE_TEXT} \\.-> ${ID}$`), dotted: true },
];
const SUBGRAPH = new RegExp(`^subgraph ${ID}\\[${LABEL}\\]$`);
const INDENT = "  ";

function checkLabel(label: string, where: string): void {
  // The only markup allowed is the line break; anything else would be HTML Mermaid might drop or reject.
  const tags = label.match(/<[^>]*>/g) ?? [];
  for (const tag of tags) if (tag !== "<br/>") throw new Error(`${where}: label contains markup ${tag}`);
  const entities = label.match(/#[a-z]+;|&[a-z]+;/g) ?? [];
  for (const e of entities) if (e !== "#quot;") throw new Error(`${where}: label contains entity ${e}`);
  if (label.trim() === "" || label.split("<br/>").some((part) => part.trim() === "")) throw new Error(`${where}: empty label line`);
}

function parseEdge(statement: string): FlowchartEdge | undefined {
  for (const { re, dotted } of EDGES) {
    const m = re.exec(statement);
    if (!m) continue;
    const [, from, a, b] = m;
    return b === undefined ? { from: from!, to: a!, dotted, label: undefined } : { from: from!, to: b, dotted, label: a };
  }
  return undefined;
}

export function parseFlowchart(text: string): Flowchart {
  const lines = text.split("\n");
  const header = /^flowchart (LR|RL|TB|TD|BT)$/.exec(lines[0] ?? "");
  if (!header) throw new Error(`line 1: expected "flowchart <direction>", got "${lines[0]}"`);
  const nodes = new Map<string, FlowchartNode>();
  const subgraphs = new Map<string, FlowchartSubgraph>();
  const edges: FlowchartEdge[] = [];
  const open: string[] = [];
  const declare = (id: string, where: string) => {
    if (RESERVED.has(id)) throw new Error(`${where}: id "${id}" is a flowchart keyword`);
    if (nodes.has(id) || subgraphs.has(id)) throw new Error(`${where}: id "${id}" declared twice`);
  };
  lines.slice(1).forEach((line, i) => {
    const where = `line ${i + 2}`;
    // Indentation shows nesting: one step per open subgraph, plus the chart's own.
    const indent = INDENT.repeat(open.length + 1);
    const statement = line.slice(indent.length);
    if (line === `${INDENT.repeat(open.length)}end` && open.length > 0) {
      open.pop();
      return;
    }
    if (!line.startsWith(indent) || statement.startsWith(" ")) throw new Error(`${where}: expected indentation of ${indent.length} spaces: "${line}"`);
    const sub = SUBGRAPH.exec(statement);
    if (sub) {
      const [, id, label] = sub;
      declare(id!, where);
      checkLabel(label!, where);
      subgraphs.set(id!, { id: id!, label: label!, parent: open.at(-1) });
      open.push(id!);
      return;
    }
    const edge = parseEdge(statement);
    if (edge) {
      // Edges are drawn at top level: an edge inside a subgraph pulls both its nodes into that subgraph.
      if (open.length > 0) throw new Error(`${where}: edge inside subgraph "${open.at(-1)}"`);
      edges.push(edge);
      return;
    }
    for (const { shape, re } of NODE_PATTERNS) {
      const m = re.exec(statement);
      if (!m) continue;
      const [, id, label] = m;
      declare(id!, where);
      checkLabel(label!, where);
      nodes.set(id!, { id: id!, shape, label: label!, subgraph: open.at(-1) });
      return;
    }
    throw new Error(`${where}: not a node, edge, subgraph or end statement: "${line}"`);
  });
  if (open.length > 0) throw new Error(`subgraph "${open.at(-1)}" is never closed with end`);
  for (const e of edges) {
    for (const end of [e.from, e.to]) if (!nodes.has(end)) throw new Error(`edge ${e.from} -> ${e.to} uses undeclared node "${end}"`);
  }
  for (const id of nodes.keys()) {
    if (!edges.some((e) => e.from === id || e.to === id)) throw new Error(`node "${id}" is not connected to anything`);
  }
  for (const id of subgraphs.keys()) {
    if (![...nodes.values(), ...subgraphs.values()].some((n) => ("subgraph" in n ? n.subgraph : n.parent) === id)) throw new Error(`subgraph "${id}" is empty`);
  }
  return { direction: header[1]!, nodes, subgraphs, edges };
}

/** Every subgraph enclosing the node, innermost first. */
export function enclosingSubgraphs(chart: Flowchart, nodeId: string): string[] {
  const out: string[] = [];
  for (let at = chart.nodes.get(nodeId)?.subgraph; at !== undefined; at = chart.subgraphs.get(at)?.parent) out.push(at);
  return out;
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
