package vn.hssk.record;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;

/** A test done at a visit and its result, as the form's paraclinical rows have them. */
@Embeddable
public class VisitTest implements Serializable {

    private static final long serialVersionUID = 1L;

    @Enumerated(EnumType.STRING)
    @Column(name = "test_group", nullable = false, length = 10)
    private VisitTestGroup group;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 1000)
    private String result;

    protected VisitTest() {
    }

    public VisitTest(VisitTestGroup group, String name, String result) {
        this.group = group;
        this.name = name;
        this.result = result;
    }

    public VisitTestGroup getGroup() {
        return group;
    }

    public String getName() {
        return name;
    }

    public String getResult() {
        return result;
    }
}
