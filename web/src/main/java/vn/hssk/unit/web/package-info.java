/** The province screens over the administrative tree: search, rename and add units. */
package vn.hssk.unit.web;
