package org.code.plp.local.streams;

import java.util.ArrayList;
import java.util.List;
import org.code.plp.local.LocalContext;
import org.code.plp.local.LocalService;
import org.code.plp.local.TemplateModel;

/** One {@link StreamPoller} per DynamoDB stream event in template.yaml (e.g. OutboxTable -> Notify). */
public final class LocalStreamsService implements LocalService {
    private final List<StreamPoller> pollers = new ArrayList<>();

    @Override
    public void start(LocalContext context) {
        for (TemplateModel.StreamEvent mapping : context.template().streamEvents()) {
            StreamPoller poller = new StreamPoller(context, mapping);
            poller.start();
            pollers.add(poller);
            context.announce("Stream", poller.describe());
        }
    }

    @Override
    public void stop() {
        pollers.forEach(StreamPoller::stop);
    }

    @Override
    public String name() {
        return "DynamoDB stream pollers";
    }
}
