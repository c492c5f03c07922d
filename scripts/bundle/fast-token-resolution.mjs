// A bundle-time patch of cdktf's token resolver (cdktf/lib/tokens/private/resolve.js),
// where a generation spends about a quarter of its time. The resolver walks
// every value of every resource and, for each one, joins the whole key path
// into a string and allocates a resolution context with two closures, even
// for a plain string, boolean or null that holds no token and comes back
// unchanged. The patch returns those values without the walk's bookkeeping
// and builds the path string only for an error message:
// - a string comes back unchanged when it holds no "TfToken[" marker (the
//   string, list and map token markers all contain it), is not one of the
//   map-token placeholders (which the original rejects) and holds no
//   number-token pattern: the tests the original runs before returning it as is;
// - null, undefined and booleans come back as they are (the original returns
//   them at once too, after the bookkeeping).
// It also patches encoding.js, where every object the resolver meets has each
// of its keys tested for a map token with a fresh regular-expression object:
// a key without the map-token marker ("&{TfToken[", which that expression
// requires literally) is passed over without one.
// Every replacement must apply, or the build fails: a cdktf upgrade that
// changes the file is noticed, not silently unpatched. The packed-package test
// checks the bundle generates the same bytes as the sources for every preset.

/** Returns the patched source of resolve.js, or throws naming the edit that no longer applies. */
export function patchResolve(source) {
  let text = source;
  const edit = (what, from, to) => {
    if (!text.includes(from)) throw new Error(`fast-token-resolution: cdktf's resolve.js changed; cannot ${what}`);
    text = text.split(from).join(to);
  };
  edit(
    "build the path only for errors",
    `    const pathName = "/" + prefix.join("/");`,
    `    const pathName = { toString: () => "/" + prefix.join("/") };`,
  );
  edit(
    "return plain values at once",
    `    // protect against cyclic references by limiting depth.`,
    `    if (__twPlain(obj)) {
        return obj;
    }
    // protect against cyclic references by limiting depth.`,
  );
  edit(
    "skip contexts for plain array elements",
    "            .map((x, i) => makeContext(`${i}`)[0].resolve(x))",
    "            .map((x, i) => (__twPlain(x) ? x : makeContext(`${i}`)[0].resolve(x)))",
  );
  edit(
    "skip contexts for plain keys and values",
    `        const resolvedKey = makeContext()[0].resolve(key);`,
    `        const resolvedKey = __twPlain(key) ? key : makeContext()[0].resolve(key);`,
  );
  edit(
    "skip contexts for plain values",
    `        const value = makeContext(key)[0].resolve(obj[key]);`,
    `        const value = __twPlain(obj[key]) ? obj[key] : makeContext(key)[0].resolve(obj[key]);`,
  );
  edit(
    "define the plain-value test",
    `const tokenMap = token_map_1.TokenMap.instance();`,
    `const tokenMap = token_map_1.TokenMap.instance();
/** trailwright bundle: a value resolve() would return unchanged without consulting any token. */
function __twPlain(x) {
    if (x === null || x === undefined || typeof x === "boolean") return true;
    return (
        typeof x === "string" &&
        x.indexOf("TfToken[") === -1 &&
        x !== token_1.Token.STRING_MAP_TOKEN_VALUE &&
        x !== token_1.Token.ANY_MAP_TOKEN_VALUE &&
        !encoding_1.TokenString.forNumbers(x).test()
    );
}`,
  );
  return text;
}

/** Returns the patched source of encoding.js, or throws when its map-token test is no longer the one this knows. */
export function patchEncoding(source) {
  const from = `    return Object.keys(xs).some((x) => typeof x === "string" && TokenString.forMapToken(x).test());`;
  if (!source.includes(from) || !source.includes(`exports.BEGIN_MAP_TOKEN_MARKER = "&{TfToken[";`)) {
    throw new Error("fast-token-resolution: cdktf's encoding.js changed; cannot skip keys without a map-token marker");
  }
  return source.replace(
    from,
    `    return Object.keys(xs).some((x) => typeof x === "string" && x.indexOf(exports.BEGIN_MAP_TOKEN_MARKER) !== -1 && TokenString.forMapToken(x).test());`,
  );
}

export const fastTokenResolution = {
  name: "fast-token-resolution",
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]cdktf[\\/]lib[\\/]tokens[\\/]private[\\/]encoding\.js$/ }, async (args) => {
      const { readFile } = await import("node:fs/promises");
      return { loader: "js", contents: patchEncoding(await readFile(args.path, "utf8")) };
    });
    b.onLoad({ filter: /[\\/]node_modules[\\/]cdktf[\\/]lib[\\/]tokens[\\/]private[\\/]resolve\.js$/ }, async (args) => {
      const { readFile } = await import("node:fs/promises");
      return { loader: "js", contents: patchResolve(await readFile(args.path, "utf8")) };
    });
  },
};
