package org.jiliang.lims.web.ui;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.jiliang.lims.bench.BenchService;
import org.jiliang.lims.bench.DeviceView;
import org.jiliang.lims.platform.RefusedException;
import org.jiliang.lims.web.support.PageMessages;

/** The administrator's device register: add a device of a known protocol, start and stop it. */
@Named
@ViewScoped
public class DeviceListView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private BenchService benches;

    private List<DeviceView> rows;
    private String code;
    private String name;
    private String protocol = "mt-sics";
    private String host = "127.0.0.1";
    private Integer port;
    private String pollCommand = "SI";
    private Integer pollIntervalMs = 300;

    public List<DeviceView> getRows() {
        if (rows == null) {
            rows = benches.devices();
        }
        return rows;
    }

    public void register() {
        run(() -> benches.register(new BenchService.DeviceProfile(code, name == null || name.isBlank() ? code : name,
                protocol, host, port == null ? 0 : port, pollCommand, pollIntervalMs == null ? 0 : pollIntervalMs)));
    }

    public void start(String device) {
        run(() -> benches.setEnabled(device, true));
    }

    public void stop(String device) {
        run(() -> benches.setEnabled(device, false));
    }

    private void run(Runnable action) {
        try {
            action.run();
            rows = null;
        } catch (RefusedException e) {
            PageMessages.refused(e);
        }
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
}
