package org.jiliang.lims.web.ui;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jiliang.lims.bench.FrameArchive;
import org.jiliang.lims.bench.FrameFilter;
import org.jiliang.lims.bench.FramePage;
import org.jiliang.lims.bench.FrameView;
import org.jiliang.lims.platform.ClockProducer;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.web.support.PageMessages;

/**
 * The stored frames of a device for staff and auditors: filtered by time (the institute's local time), status
 * and link session, a page at a time in id order (keyset pages: "next" continues after the last id shown, so
 * frames arriving meanwhile are neither skipped nor shown twice). Opened with {@code ?frame=id} it shows that
 * frame among the frames before and after it of the same link session. Every page shown is audited by the
 * service.
 */
@Named
@ViewScoped
public class DeviceFramesView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 50;
    /** Frames of the same session shown before the one asked for with {@code ?frame=}. */
    static final int BEFORE = 5;
    /** Bytes shown before a long frame is cut (the whole frame is one click away). */
    static final int SHORT_BYTES = 32;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    @Inject
    private FrameArchive archive;

    @Size(max = 32)
    private String device;
    @Size(max = 19)
    private String from;
    @Size(max = 19)
    private String to;
    @Size(max = 32)
    private String status;
    @Size(max = 36)
    private String session;
    private Long frame;

    private List<String> devices;
    private FramePage page;
    private long after;
    private final Deque<Long> earlier = new ArrayDeque<>();
    private FrameFilter shown = FrameFilter.NONE;

    /** On opening: a frame asked for is shown in its session; a device asked for is shown from its first frame. */
    public void load() {
        if (FacesContext.getCurrentInstance().isPostback()) {
            return;
        }
        try {
            if (frame != null) {
                FrameArchive.FramePlace place = archive.place(frame, BEFORE);
                device = place.device();
                session = place.linkSession();
                after = place.startAfter();
            }
            if (device != null && !device.isBlank()) {
                shown = filter();
                page = archive.page(device, shown, after, PAGE_SIZE);
            }
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    public void search() {
        frame = null;
        earlier.clear();
        show(0);
    }

    public void next() {
        if (page != null && page.next() != null) {
            earlier.push(after);
            show(page.next());
        }
    }

    public void previous() {
        if (!earlier.isEmpty()) {
            show(earlier.pop());
        }
    }

    private void show(long fromId) {
        try {
            FrameFilter f = filter();
            FramePage p = archive.page(device, f, fromId, PAGE_SIZE);
            shown = f;
            page = p;
            after = fromId;
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
    }

    private FrameFilter filter() {
        return new FrameFilter(instant("frames.from", from), instant("frames.to", to), status, session);
    }

    private static Instant instant(String label, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip(), LOCAL).atZone(ClockProducer.INSTITUTE_ZONE).toInstant();
        } catch (DateTimeParseException e) {
            FacesContext faces = FacesContext.getCurrentInstance();
            String name = faces.getApplication().getResourceBundle(faces, "msg").getString(label);
            throw new RefusedException("error.frames.localTime", name, text.length() > 40 ? text.substring(0, 40) : text);
        }
    }

    /** A time stamp in the institute's time zone, to the millisecond. */
    public String local(String instant) {
        return LocalDateTime.ofInstant(Instant.parse(instant), ClockProducer.INSTITUTE_ZONE)
                .truncatedTo(ChronoUnit.MILLIS).toString().replace('T', ' ');
    }

    public boolean isLong(FrameView f) {
        return f.length() > SHORT_BYTES;
    }

    /** The first bytes of a long frame in hex; the whole frame is in the row's details. */
    public String shortHex(FrameView f) {
        return isLong(f) ? f.rawHex().substring(0, SHORT_BYTES * 3 - 1) + " …" : f.rawHex();
    }

    public String shortText(FrameView f) {
        return f.rawText().length() > SHORT_BYTES ? f.rawText().substring(0, SHORT_BYTES) + "…" : f.rawText();
    }

    /** The CSV export of what the page shows (all pages), through the API with the page's own login. */
    public String getExportUrl() {
        if (page == null) {
            return null;
        }
        StringBuilder url = new StringBuilder(FacesContext.getCurrentInstance().getExternalContext()
                .getRequestContextPath()).append("/api/v1/devices/").append(encode(page.device())).append("/frames.csv");
        char sep = '?';
        for (String[] p : new String[][] {{"from", shown.from() == null ? null : shown.from().toString()},
                {"to", shown.to() == null ? null : shown.to().toString()}, {"status", shown.status()},
                {"session", shown.linkSession()}}) {
            if (p[1] != null) {
                url.append(sep).append(p[0]).append('=').append(encode(p[1]));
                sep = '&';
            }
        }
        return url.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public List<String> getDevices() {
        if (devices == null) {
            devices = archive.deviceCodes();
        }
        return devices;
    }

    public FramePage getPage() {
        return page;
    }

    public boolean isHasPrevious() {
        return !earlier.isEmpty();
    }

    public boolean isHasNext() {
        return page != null && page.next() != null;
    }

    public String getDevice() {
        return device;
    }

    public void setDevice(String device) {
        this.device = device;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getSession() {
        return session;
    }

    public void setSession(String session) {
        this.session = session;
    }

    public Long getFrame() {
        return frame;
    }

    public void setFrame(Long frame) {
        this.frame = frame;
    }

    public String getKnownStatuses() {
        return String.join(", ", FrameFilter.knownStatuses());
    }
}
