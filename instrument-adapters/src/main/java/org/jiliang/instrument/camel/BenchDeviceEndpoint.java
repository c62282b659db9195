package org.jiliang.instrument.camel;

import java.time.Clock;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;
import org.jiliang.instrument.reading.DeviceCodec;

/**
 * One bench device, e.g.
 * {@code bench-device:balance-1?host=127.0.0.1&port=4001&protocol=mt-sics&pollCommand=SI&pollInterval=300&readTimeout=2000}.
 * As a consumer it polls the device; as a producer it sends the message body as one command.
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

    public BenchDeviceConfiguration getConfiguration() {
        return configuration;
    }

    public DeviceCodec<?> getCodec() {
        return codec;
    }

    public Clock getClock() {
        return clock;
    }
}
