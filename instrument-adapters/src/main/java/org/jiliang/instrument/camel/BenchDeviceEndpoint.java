package org.jiliang.instrument.camel;

import java.io.IOException;
import java.time.Clock;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;
import org.jiliang.instrument.reading.DeviceCodec;
import org.jiliang.instrument.transport.Framer;
import org.jiliang.instrument.transport.Link;
import org.jiliang.instrument.transport.SerialLink;
import org.jiliang.instrument.transport.TcpLink;

/**
 * One bench device, e.g.
 * {@code bench-device:balance-1?host=127.0.0.1&port=4001&protocol=mt-sics&pollCommand=SI&pollInterval=300&readTimeout=2000}
 * over TCP, or
 * {@code bench-device:env-1?transport=serial&serialPort=/dev/ttyUSB0&baudRate=4800&dataBits=7&parity=even&protocol=vaisala}
 * on a serial port. As a consumer it polls the device (or reads its stream); as a producer it sends
 * the message body as one command.
 */
@UriEndpoint(firstVersion = "4.22.0", scheme = BenchDeviceConstants.SCHEME, title = "Bench Device",
        syntax = "bench-device:deviceId", category = Category.IOT, headersClass = BenchDeviceConstants.class)
public class BenchDeviceEndpoint extends DefaultEndpoint {

    @UriParam
    private final BenchDeviceConfiguration configuration;
    private final DeviceCodec<?> codec;
    private final Clock clock;

    BenchDeviceEndpoint(String uri, BenchDeviceComponent component, BenchDeviceConfiguration configuration,
                        DeviceCodec<?> codec, Clock clock) {
        super(uri, component);
        this.configuration = configuration;
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public Producer createProducer() {
        return new BenchDeviceProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        BenchDeviceConsumer consumer = new BenchDeviceConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** Opens a new link to the device as the transport and framing options say. */
    public Link openLink() throws IOException {
        Framer framer = configuration.createFramer(codec);
        if (configuration.isSerial()) {
            return SerialLink.open(configuration.getSerialPort(), configuration.serialSettings(),
                    configuration.flowControl(), framer);
        }
        return TcpLink.connect(configuration.getHost(), configuration.getPort(), configuration.connectTimeout(), framer);
    }

    public BenchDeviceConfiguration getConfiguration() {
        return configuration;
    }

    public DeviceCodec<?> getCodec() {
        return codec;
    }

    /** Who is told how the link goes: the component's listener. */
    public LinkListener getLinkListener() {
        return ((BenchDeviceComponent) getComponent()).getLinkListener();
    }

    public Clock getClock() {
        return clock;
    }
}
