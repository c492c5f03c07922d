// The evaluator the WorkSpaces filter tests rely on, checked against the
// examples on AWS's filter-pattern syntax page (FilterAndPatternSyntax,
// "JSON metric filter examples", "JSON compound conditions", "Numeric
// comparisons"), and against the CIS patterns the estate already ships.
import { describe, expect, it } from "vitest";
import { CIS_METRIC_FILTERS } from "../../src/catalog/cis-metric-filters.js";
import { matchesFilterPattern, parseFilterPattern } from "../helpers/filter-pattern.js";

const SIMPLE = {
  eventType: "UpdateTrail",
  sourceIPAddress: "111.111.111.111",
  arrayKey: ["value", "another value"],
  objectList: [
    { name: "a", id: 1 },
    { name: "b", id: 2 },
  ],
  SomeObject: null,
  ThisFlag: true,
};

const COMPOUND = {
  user: { id: 1, email: "John.Stiles@example.com" },
  users: [
    { id: 2, email: "John.Doe@example.com" },
    { id: 3, email: "Jane.Doe@example.com" },
  ],
  actions: ["GET", "PUT", "DELETE"],
  coordinates: [
    [0, 1, 2],
    [4, 5, 6],
    [7, 8, 9],
  ],
};

describe("AWS's documented JSON examples", () => {
  it.each([
    '{ $.eventType = "UpdateTrail" }',
    "{ $.sourceIPAddress != 123.123.* }",
    '{ $.arrayKey[0] = "value" }',
    "{ $.objectList[1].id = 2 }",
    "{ $.SomeObject IS NULL }",
    "{ $.SomeOtherObject NOT EXISTS }",
    "{ $.ThisFlag IS TRUE }",
  ])("%s matches the example event", (pattern) => {
    expect(matchesFilterPattern(pattern, SIMPLE)).toBe(true);
  });

  it.each([
    '{ $.eventType = "CreateTrail" }',
    "{ $.sourceIPAddress != 111.111.* }",
    '{ $.arrayKey[1] = "value" }',
    "{ $.objectList[0].id = 2 }",
    "{ $.eventType IS NULL }",
    "{ $.SomeObject NOT EXISTS }",
    "{ $.ThisFlag IS FALSE }",
  ])("%s (each example turned around) does not match", (pattern) => {
    expect(matchesFilterPattern(pattern, SIMPLE)).toBe(false);
  });

  it("wildcards work only at the start or end of a term", () => {
    expect(matchesFilterPattern("{ $.e = *Event }", { e: "PutEvent" })).toBe(true);
    expect(matchesFilterPattern("{ $.e = Event* }", { e: "EventName" })).toBe(true);
    expect(matchesFilterPattern("{ $.e = Ev*ent }", { e: "Evident" })).toBe(false);
    expect(matchesFilterPattern("{ $.e = Ev*ent }", { e: "Ev*ent" })).toBe(true);
  });

  it.each([
    ['{ ($.user.id = 1) && ($.users[0].email = "John.Doe@example.com") }', true],
    ['{ ($.user.id = 2 && $.users[0].email = "nonmatch") || $.actions[2] = "GET" }', false],
    ['{ $.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = nonmatch && $.actions[2] = nomatch }', true],
    ['{ ($.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = nonmatch) && $.actions[2] = nomatch }', false],
  ] as const)("compound %s -> %s (&& binds tighter than ||)", (pattern, expected) => {
    expect(matchesFilterPattern(pattern, COMPOUND)).toBe(expected);
  });

  it("a selector on an array or object matches neither = nor !=", () => {
    expect(matchesFilterPattern("{$.users = 1}", { users: [1, 2, 3] })).toBe(false);
    expect(matchesFilterPattern("{$.users != 1}", { users: [1, 2, 3] })).toBe(false);
  });

  it.each([
    ["{ $.latency >= 500 }", { latency: 500 }, true],
    ["{ $.numbers[0] < 10e3 }", { numbers: [9999] }, true],
    ["{ $.numbers[0] < 10e-3 }", { numbers: [0.5] }, false],
    ["{ $.processes[4].averageRuntime <= 55.5 }", { processes: [{}, {}, {}, {}, { averageRuntime: 55.5 }] }, true],
    ["{ $.errorCode = 400 }", { errorCode: 400 }, true],
    ["{ $.errorCode != 500 }", { errorCode: 500 }, false],
    ["{ $.latency > +1000 }", { latency: 1000 }, false],
  ] as const)("numeric %s", (pattern, event, expected) => {
    expect(matchesFilterPattern(pattern, event)).toBe(expected);
  });

  it("OR over one field (the page's foo example)", () => {
    const either = "{$.foo = bar || $.foo = baz }";
    expect(matchesFilterPattern(either, { foo: "bar" })).toBe(true);
    expect(matchesFilterPattern(either, { foo: "baz" })).toBe(true);
    expect(matchesFilterPattern(either, { foo: "qux" })).toBe(false);
  });

  it("rejects what CloudWatch rejects", () => {
    expect(() => parseFilterPattern("$.a = b")).toThrow(/expected "\{"/);
    expect(() => parseFilterPattern("{ $.a = b ")).toThrow(/expected "\}"/);
    expect(() => parseFilterPattern("{ $.a = %(x)% }")).toThrow(/regex without/);
    expect(() => parseFilterPattern("{ $.a = %x% || $.b = %y% || $.c = %z% }")).toThrow(/allows 2/);
  });
});

describe("the shipped CIS patterns parse and behave", () => {
  it.each(CIS_METRIC_FILTERS.map((f) => [f.id, f.pattern] as const))("%s parses", (_id, pattern) => {
    expect(() => parseFilterPattern(pattern)).not.toThrow();
  });

  it("root usage: a console action by root matches, a service acting for root does not", () => {
    const root = CIS_METRIC_FILTERS.find((f) => f.id === "root-usage")!.pattern;
    expect(matchesFilterPattern(root, { userIdentity: { type: "Root" }, eventType: "AwsApiCall" })).toBe(true);
    expect(matchesFilterPattern(root, { userIdentity: { type: "Root", invokedBy: "s3.amazonaws.com" }, eventType: "AwsApiCall" })).toBe(false);
    expect(matchesFilterPattern(root, { userIdentity: { type: "IAMUser" }, eventType: "AwsApiCall" })).toBe(false);
  });

  it("unauthorized calls: both wildcard forms", () => {
    const p = CIS_METRIC_FILTERS.find((f) => f.id === "unauthorized-api-calls")!.pattern;
    expect(matchesFilterPattern(p, { errorCode: "Client.UnauthorizedOperation" })).toBe(true);
    expect(matchesFilterPattern(p, { errorCode: "AccessDeniedException" })).toBe(true);
    expect(matchesFilterPattern(p, { errorCode: "ThrottlingException" })).toBe(false);
  });
});
