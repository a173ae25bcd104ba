package vn.hssk.account.rest;

/** The answer to creating an account: the account and its one-time password, shown this once and stored nowhere. */
public record AccountCreatedView(AccountView account, String temporaryPassword) {
}
