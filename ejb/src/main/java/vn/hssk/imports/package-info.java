/**
 * Import of part-A lists of residents (the commune police population register, BHYT lists) from CSV or XLSX: column
 * mapping, a preview, then an apply that re-imports idempotently by personal ID. Files are read row by row.
 */
package vn.hssk.imports;
