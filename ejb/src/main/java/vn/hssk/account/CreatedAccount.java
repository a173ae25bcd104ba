package vn.hssk.account;

import vn.hssk.tenant.KeycloakAdmin.TenantAccount;

/** The account just made and its one-time password, to be handed over once; nothing keeps the password. */
public record CreatedAccount(TenantAccount account, String temporaryPassword) {
}
