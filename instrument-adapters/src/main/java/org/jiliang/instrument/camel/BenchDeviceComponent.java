package org.jiliang.instrument.camel;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code bench-device} component: reads bench devices (balances, multimeters, environment
 * monitors) over TCP or a serial port and emits one {@link org.jiliang.instrument.reading.DeviceReading}
 * per frame.
 *
 * <p>Works in a plain {@code DefaultCamelContext}: register it with
 * {@code context.addComponent("bench-device", new BenchDeviceComponent())}, or let Camel find it
 * on the classpath by its scheme.
 */
@Component(BenchDeviceConstants.SCHEME)
public class BenchDeviceComponent extends DefaultComponent {

    @Metadata(label = "advanced", description = "Defaults for every endpoint of this component.")
    private BenchDeviceConfiguration configuration = new BenchDeviceConfiguration();

    private Clock clock = Clock.systemUTC();
    private volatile LinkListener linkListener = LinkListener.NONE;

    public BenchDeviceComponent() {
    }

    public BenchDeviceComponent(CamelContext context) {
        super(context);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        BenchDeviceConfiguration endpointConfiguration = configuration.copy();
        endpointConfiguration.setDeviceId(remaining);
        // Device options go to the configuration; what is left (bridgeErrorHandler, exchangePattern ...)
        // goes to the endpoint, and anything still left is reported by Camel as an unknown option.
        setProperties(endpointConfiguration, parameters);
        BenchDeviceEndpoint endpoint = new BenchDeviceEndpoint(uri, this, endpointConfiguration,
                endpointConfiguration.validateAndCreateCodec(), clock);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public BenchDeviceConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(BenchDeviceConfiguration configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    public LinkListener getLinkListener() {
        return linkListener;
    }

    /** Told how the links of this component's consumers go (connected, identity, down). */
    public void setLinkListener(LinkListener linkListener) {
        this.linkListener = Objects.requireNonNull(linkListener, "linkListener");
    }

    public Clock getClock() {
        return clock;
    }

    /** The clock that stamps {@code RawFrame.receivedAt}; applies to endpoints created afterwards. */
    public void setClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }
}
