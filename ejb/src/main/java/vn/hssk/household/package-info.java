/**
 * Households (hộ gia đình) of the province's villages: the unit the police population register and the commune
 * health station both work by. Households and their members are closed or leave with a reason, never deleted, and
 * moves between villages keep their history.
 */
package vn.hssk.household;
