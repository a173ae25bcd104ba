package vn.hssk.record.web;

import java.io.Serializable;

/** A household the registration form offers: its id, and its code with the head's name as the label. */
public record HouseholdOption(long id, String label) implements Serializable {
}
