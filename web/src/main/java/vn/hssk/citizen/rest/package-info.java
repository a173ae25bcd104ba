/** REST API of the citizen portal ({@code /api/citizen}): a citizen's own records, certificates and access history. */
package vn.hssk.citizen.rest;
