"use strict";

/**
 * Return a friendly greeting. Replace this example with your own code.
 * @param {string} name
 * @returns {string}
 */
function greet(name) {
  return `Hello, ${name}!`;
}

module.exports = { greet };
