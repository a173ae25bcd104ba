/**
 * The import screen of station staff and province administrators: upload a resident list, map its columns, run its
 * preview and its apply as background jobs watched with a progress bar, cancel or resume them, read and download
 * their row reports.
 */
package vn.hssk.imports.web;
