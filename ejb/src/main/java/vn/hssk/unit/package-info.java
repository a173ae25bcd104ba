/**
 * The province's administrative tree: province, an optional legacy district, commune and village, each with a
 * validity period so that the reforms of 2025 and later keep their history.
 */
package vn.hssk.unit;
