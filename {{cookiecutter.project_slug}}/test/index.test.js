"use strict";

const assert = require("node:assert/strict");
const { test } = require("node:test");
const { greet } = require("../lib/index.js");

test("greet", () => {
  assert.equal(greet("Munich"), "Hello, Munich!");
});
