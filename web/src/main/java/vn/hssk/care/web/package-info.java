/** The care screens: the village care list, a person's programmes and follow-ups, the programmes' rules. */
package vn.hssk.care.web;
