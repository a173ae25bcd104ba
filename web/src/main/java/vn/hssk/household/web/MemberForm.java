package vn.hssk.household.web;

import java.io.Serializable;
import java.time.LocalDate;
import vn.hssk.household.MemberDetails;
import vn.hssk.household.MemberRelation;
import vn.hssk.household.Sex;

/** What the "add a member" form collects. */
public class MemberForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String fullName;
    private Sex sex;
    private LocalDate birthDate;
    private MemberRelation relation;
    private String personalId;

    MemberDetails details() {
        return new MemberDetails(fullName, sex, birthDate, relation, personalId);
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public Sex getSex() {
        return sex;
    }

    public void setSex(Sex sex) {
        this.sex = sex;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    public MemberRelation getRelation() {
        return relation;
    }

    public void setRelation(MemberRelation relation) {
        this.relation = relation;
    }

    public String getPersonalId() {
        return personalId;
    }

    public void setPersonalId(String personalId) {
        this.personalId = personalId;
    }
}
