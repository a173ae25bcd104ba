/**
 * What every feature uses: the roles, who the caller is (from the token), the binding of the caller's tenant to the
 * call, the errors a service may raise, and the folding of Vietnamese text for search.
 */
package vn.hssk.shared;
