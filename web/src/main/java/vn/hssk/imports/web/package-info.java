/**
 * The import screen of station staff: upload a resident list, map its columns, preview, apply, download the row report.
 */
package vn.hssk.imports.web;
