/** REST resource of the resident-list import. */
package vn.hssk.imports.rest;
