package org.jiliang.lims.web.ui;

import jakarta.validation.constraints.Size;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.jiliang.lims.bench.BenchService;
import org.jiliang.lims.bench.DeviceProfile;
import org.jiliang.lims.bench.DeviceView;
import org.jiliang.lims.bench.SerialLine;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.web.support.PageMessages;
import org.jiliang.lims.web.support.PagedModel;
import org.jiliang.lims.web.support.QueryString;

/** The administrator's device register: add a device of a known protocol, start and stop it. */
@Named
@ViewScoped
public class DeviceListView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private BenchService benches;

    /** The register's search: code or name containing it. */
    @Size(max = BenchService.MAX_SEARCH)
    private String text;
    private final PagedModel<DeviceView> rows = new PagedModel<>((sortBy, ascending, first, max) ->
            benches.devices(text, this.showRetired, sortBy, ascending, first, max), DeviceView::code,
            BenchService.MAX_PAGE);
    @Size(max = 32)
    private String code;
    @Size(max = BenchService.MAX_NAME)
    private String name;
    @Size(max = 16)
    private String protocol = "mt-sics";
    @Size(max = BenchService.MAX_HOST)
    private String host = "127.0.0.1";
    private Integer port;
    @Size(max = BenchService.MAX_COMMAND)
    private String pollCommand = "SI";
    private Integer pollIntervalMs = 300;
    private String transport = "tcp";
    @Size(max = BenchService.MAX_PATH)
    private String serialPort;
    private Integer baudRate = 9600;
    private Integer dataBits = 8;
    private String parity = "none";
    private String stopBits = "1";
    private String flowControl = "none";
    private String mode = "poll";
    @Size(max = BenchService.MAX_COMMAND)
    private String startCommand;
    /** What the instrument must report (issue 9); optional. */
    private String serialNumber;
    private String model;
    private String expectedUnits;

    public boolean isSerial() {
        return "serial".equals(transport);
    }

    private boolean showRetired;
    @Size(max = BenchService.MAX_RETIRE_REASON)
    private String retireReason;

    /** The register, newest first unless a column is sorted; read a page at a time. */
    public PagedModel<DeviceView> getRows() {
        return rows;
    }

    /** The export of the selection shown: the API's CSV with the same search. */
    public String getExportHref() {
        return QueryString.of("api/v1/devices/list.csv").with("text", text).with("retired", showRetired ? "true" : null)
                .toString();
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public void retire(String device) {
        if (run(() -> benches.retire(device, retireReason))) {
            retireReason = null;
        }
    }

    public boolean isShowRetired() {
        return showRetired;
    }

    public void setShowRetired(boolean showRetired) {
        this.showRetired = showRetired;
    }

    public String getRetireReason() {
        return retireReason;
    }

    public void setRetireReason(String retireReason) {
        this.retireReason = retireReason;
    }

    public void register() {
        SerialLine line = isSerial() ? new SerialLine(serialPort, baudRate == null ? 0 : baudRate,
                dataBits == null ? 0 : dataBits, parity, stopBits, flowControl) : null;
        run(() -> benches.register(new DeviceProfile(code, name == null || name.isBlank() ? code : name,
                protocol, isSerial() ? null : host, port == null || isSerial() ? 0 : port, pollCommand,
                pollIntervalMs == null ? 0 : pollIntervalMs, transport, line, mode, startCommand, expectedUnits, serialNumber,
                model)));
    }

    public void start(String device) {
        run(() -> benches.setEnabled(device, true));
    }

    public void stop(String device) {
        run(() -> benches.setEnabled(device, false));
    }

    /** Runs an action on the register; false, with the reason shown, when it is refused. */
    private boolean run(Runnable action) {
        try {
            action.run();
            return true;
        } catch (RefusedException e) {
            PageMessages.refused(e);
            return false;
        }
    }

    public String getSerialNumber() {
        return serialNumber;
    }

    public void setSerialNumber(String serialNumber) {
        this.serialNumber = serialNumber;
    }

    public String getExpectedUnits() {
        return expectedUnits;
    }

    public void setExpectedUnits(String expectedUnits) {
        this.expectedUnits = expectedUnits;
    }

    public String getModel() {
        return model;
    }

    public void setModel(String model) {
        this.model = model;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getProtocol() {
        return protocol;
    }

    public void setProtocol(String protocol) {
        this.protocol = protocol;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getPollCommand() {
        return pollCommand;
    }

    public void setPollCommand(String pollCommand) {
        this.pollCommand = pollCommand;
    }

    public Integer getPollIntervalMs() {
        return pollIntervalMs;
    }

    public void setPollIntervalMs(Integer pollIntervalMs) {
        this.pollIntervalMs = pollIntervalMs;
    }

    public String getTransport() {
        return transport;
    }

    public void setTransport(String transport) {
        this.transport = transport;
    }

    public String getSerialPort() {
        return serialPort;
    }

    public void setSerialPort(String serialPort) {
        this.serialPort = serialPort;
    }

    public Integer getBaudRate() {
        return baudRate;
    }

    public void setBaudRate(Integer baudRate) {
        this.baudRate = baudRate;
    }

    public Integer getDataBits() {
        return dataBits;
    }

    public void setDataBits(Integer dataBits) {
        this.dataBits = dataBits;
    }

    public String getParity() {
        return parity;
    }

    public void setParity(String parity) {
        this.parity = parity;
    }

    public String getStopBits() {
        return stopBits;
    }

    public void setStopBits(String stopBits) {
        this.stopBits = stopBits;
    }

    public String getFlowControl() {
        return flowControl;
    }

    public void setFlowControl(String flowControl) {
        this.flowControl = flowControl;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getStartCommand() {
        return startCommand;
    }

    public void setStartCommand(String startCommand) {
        this.startCommand = startCommand;
    }
}
