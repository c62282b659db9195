package org.jiliang.lims.web.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jiliang.lims.notice.CustomerMessages;
import org.jiliang.lims.notice.NoticeKind;
import org.jiliang.lims.platform.Paged;

/**
 * A customer's news (issue 14): certificates ready, requests decided; and what the customer wants by e-mail too.
 * A customer's user reads their own customer's only (another's message answers 404); only the customer's
 * administrator changes the choices.
 */
@Tag(name = LimsApi.Tags.MESSAGES)
@Path("messages")
@Produces(MediaType.APPLICATION_JSON)
public class MessageResource {

    @Inject
    private CustomerMessages messages;

    /** One kind of news, by e-mail or in the portal only. */
    public static class Choice {
        @NotNull
        public NoticeKind kind;
        public boolean byMail;
    }

    @GET
    @Operation(summary = "The customer's messages, newest first, a page at a time")
    public Paged<CustomerMessages.MessageView> page(@QueryParam("first") @DefaultValue("0") int first,
            @QueryParam("max") @DefaultValue("50") int max) {
        Paged.requirePage(first, max, CustomerMessages.MAX_PAGE);
        return messages.page(first, max);
    }

    @GET
    @Path("{id: [0-9]{1,18}}")
    @Operation(summary = "One message")
    public CustomerMessages.MessageView message(@PathParam("id") long id) {
        return messages.message(id);
    }

    @GET
    @Path("preferences")
    @Operation(summary = "Which news the customer also receives by e-mail")
    public List<CustomerMessages.Preference> preferences() {
        return messages.preferences();
    }

    @POST
    @Path("preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Choose e-mail or portal only for a kind of news (customer administrator)")
    public List<CustomerMessages.Preference> choose(@NotNull @Valid Choice c) {
        return messages.choose(c.kind, c.byMail);
    }
}
