package vn.hssk.plan.web;

import java.io.Serializable;

/** A commune offered in the screens' choice. */
public record CommuneChoice(String code, String name) implements Serializable {
}
