package vn.hssk.plan.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import vn.hssk.plan.NationalProgress;
import vn.hssk.plan.NationalProgressService;

/** The national administrator's view of every province's records created against its quotas and targets. */
@Named
@ViewScoped
public class NationalProgressView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private NationalProgressService service;

    private List<NationalProgress> provinces;

    public List<NationalProgress> getProvinces() {
        if (provinces == null) {
            provinces = service.totals();
        }
        return provinces;
    }
}
