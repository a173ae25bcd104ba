package vn.hssk.household;

/**
 * A member's relation to the head of the household, as the household register (sổ hộ khẩu, now the residence
 * database) writes it: chủ hộ, vợ/chồng, con, cha/mẹ, ông/bà, cháu, anh/chị/em, con dâu/con rể, other.
 */
public enum MemberRelation {
    HEAD,
    SPOUSE,
    CHILD,
    PARENT,
    GRANDPARENT,
    GRANDCHILD,
    SIBLING,
    CHILD_IN_LAW,
    OTHER
}
