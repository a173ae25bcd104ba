/** Benchmarks of hssk: each starts its own embedded stack, measures, and prints figures with their baseline. */
package vn.hssk.bench;
