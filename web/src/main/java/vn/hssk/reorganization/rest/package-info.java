/**
 * {@code /api/reorganizations}: a province administrator prepares, previews, applies, follows and undoes a
 * reorganization of the province's map, and counts the communes it involves.
 */
package vn.hssk.reorganization.rest;
