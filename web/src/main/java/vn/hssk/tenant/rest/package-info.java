/** REST resources of the tenant registry and of the signed-in caller. */
package vn.hssk.tenant.rest;
