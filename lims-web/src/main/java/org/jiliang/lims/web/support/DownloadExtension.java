package org.jiliang.lims.web.support;

import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.ServletContext;

/**
 * Puts {@link DownloadHandler} in front of the application when Undertow deploys it (registered in
 * {@code META-INF/services/io.undertow.servlet.ServletExtension}) and the running {@link DownloadLinks} in the
 * servlet context, where the API finds it to sign addresses.
 */
public class DownloadExtension implements ServletExtension {

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        DownloadLinks links = DownloadLinks.atStartUp();
        context.setAttribute(DownloadLinks.ATTRIBUTE, links);
        TransportSecurity transport = TransportSecurity.current();
        deployment.addInitialHandlerChainWrapper(next -> new DownloadHandler(next, links, transport));
    }
}
