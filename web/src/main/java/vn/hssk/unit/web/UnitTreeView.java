package vn.hssk.unit.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.primefaces.event.NodeExpandEvent;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.StreamedContent;
import org.primefaces.model.TreeNode;
import org.primefaces.model.file.UploadedFile;
import vn.hssk.shared.web.Problems;
import vn.hssk.shared.web.ScreenMessages;
import vn.hssk.tenant.web.SignedInUser;
import vn.hssk.unit.UnitFile;
import vn.hssk.unit.UnitImportReport;
import vn.hssk.unit.UnitImportService;
import vn.hssk.unit.UnitNode;
import vn.hssk.unit.UnitService;

/**
 * The tree screen: the province's units a level at a time (children load when a node opens), with the counts of
 * each subtree, as of any day; and the code-list import (preview first, then apply all or only the valid lines, the
 * row report downloadable) and export in CSV or XLSX.
 */
@Named
@ViewScoped
public class UnitTreeView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    private UnitService unitService;

    @Inject
    private UnitImportService importService;

    @Inject
    private SignedInUser signedIn;

    private LocalDate asOf = LocalDate.now();
    private TreeNode<UnitNode> root;
    private UploadedFile file;
    private byte[] pendingFile;
    private UnitFile.Format pendingFormat;
    private UnitImportReport report;
    private boolean validOnly;
    private String query;
    private List<UnitRow> found;
    private Long closingId;
    private String closingName;
    private LocalDate closingLastDay;

    public TreeNode<UnitNode> getRoot() {
        if (root == null) {
            reload();
        }
        return root;
    }

    public void reload() {
        root = new DefaultTreeNode<>(null, null);
        try {
            addChildren(root, unitService.children(null, asOf));
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "tree");
        }
    }

    /** Finds units by name or code, typed with or without diacritics, among those valid on the chosen day. */
    public void search() {
        try {
            found = query == null || query.isBlank() ? null
                    : unitService.search(query, null, asOf, 0, 100).stream().map(UnitRow::of).toList();
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "tree");
        }
    }

    /** Remembers which unit the closing dialog is about. */
    public void askClose(long id, String name, LocalDate validFrom) {
        closingId = id;
        closingName = name;
        LocalDate dayBefore = asOf.minusDays(1);
        closingLastDay = dayBefore.isBefore(validFrom) ? validFrom : dayBefore;
    }

    /** Ends the unit on its last day: how a merged or abolished unit leaves the tree and keeps its history. */
    public void close() {
        try {
            unitService.close(closingId, closingLastDay);
            ScreenMessages.info("unitTree.closed", closingName);
            reload();
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "closing");
        }
    }

    public void onExpand(NodeExpandEvent event) {
        @SuppressWarnings("unchecked")
        TreeNode<UnitNode> node = (TreeNode<UnitNode>) event.getTreeNode();
        if (node.getChildCount() == 1 && node.getChildren().get(0).getData() == null) {
            node.getChildren().clear();
            try {
                addChildren(node, unitService.children(node.getData().id(), asOf));
            } catch (RuntimeException e) {
                ScreenMessages.failure(e, "tree");
            }
        }
    }

    private static void addChildren(TreeNode<UnitNode> parent, List<UnitNode> children) {
        for (UnitNode child : children) {
            TreeNode<UnitNode> node = new DefaultTreeNode<>(child, parent);
            if (child.hasChildren()) {
                new DefaultTreeNode<UnitNode>(null, node);
            }
        }
    }

    public void preview() {
        if (!takeFile()) {
            return;
        }
        try {
            report = importService.preview(pendingFile, pendingFormat);
        } catch (RuntimeException e) {
            report = null;
            ScreenMessages.failure(e, "import");
        }
    }

    public void apply() {
        if (pendingFile == null) {
            ScreenMessages.info("unitTree.import.previewFirst");
            return;
        }
        try {
            report = importService.apply(pendingFile, pendingFormat, validOnly);
            ScreenMessages.info("unitTree.import.applied", report.newRows(), report.changedRows());
            pendingFile = null;
            reload();
        } catch (RuntimeException e) {
            Problems.in(e).map(p -> p.details()).filter(UnitImportReport.class::isInstance)
                    .ifPresent(d -> report = (UnitImportReport) d);
            ScreenMessages.failure(e, "import");
        }
    }

    private boolean takeFile() {
        if (file == null || file.getSize() == 0) {
            ScreenMessages.info("unitTree.import.noFile");
            return false;
        }
        pendingFile = file.getContent();
        pendingFormat = file.getFileName().toLowerCase(Locale.ROOT).endsWith(".xlsx") ? UnitFile.Format.XLSX
                : UnitFile.Format.CSV;
        return true;
    }

    public StreamedContent getReportCsv() {
        byte[] csv = report == null ? new byte[0] : report.toCsv().getBytes(StandardCharsets.UTF_8);
        return DefaultStreamedContent.builder().name("units-import-report.csv").contentType("text/csv")
                .stream(() -> new ByteArrayInputStream(csv)).build();
    }

    public StreamedContent getExportCsv() {
        return export(UnitFile.Format.CSV, "text/csv");
    }

    public StreamedContent getExportXlsx() {
        return export(UnitFile.Format.XLSX, XLSX);
    }

    private StreamedContent export(UnitFile.Format format, String type) {
        LocalDate day = asOf;
        return DefaultStreamedContent.builder()
                .name("units-" + day + "." + format.name().toLowerCase(Locale.ROOT)).contentType(type)
                .stream(() -> new ByteArrayInputStream(unitService.export(day, format))).build();
    }

    public boolean isMayEdit() {
        return signedIn.isProvinceAdmin();
    }

    public String getClosingName() {
        return closingName;
    }

    public LocalDate getClosingLastDay() {
        return closingLastDay;
    }

    public void setClosingLastDay(LocalDate closingLastDay) {
        this.closingLastDay = closingLastDay;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public List<UnitRow> getFound() {
        return found;
    }

    public LocalDate getAsOf() {
        return asOf;
    }

    public void setAsOf(LocalDate asOf) {
        this.asOf = asOf == null ? LocalDate.now() : asOf;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public UnitImportReport getReport() {
        return report;
    }

    public boolean isValidOnly() {
        return validOnly;
    }

    public void setValidOnly(boolean validOnly) {
        this.validOnly = validOnly;
    }
}
