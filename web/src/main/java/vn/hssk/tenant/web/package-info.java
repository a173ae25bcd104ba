/** The screens of the tenant registry, the landing page, and the gate that stops users of suspended provinces. */
package vn.hssk.tenant.web;
