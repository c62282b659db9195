package org.jiliang.lims.web.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * What the annotations cannot say once for all operations (MicroProfile OpenAPI {@code mp.openapi.filter}, in
 * {@code META-INF/microprofile-config.properties}): every operation may answer with RFC 9457 problem details;
 * the public paths need no credentials and the bench agents' paths take the bench token instead of a person's.
 */
public class OpenApiFilter implements OASFilter {

    static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openApi.getPaths().getPathItems().entrySet()) {
            for (Operation operation : path.getValue().getOperations().values()) {
                problemDetails(operation);
                if (path.getKey().contains("/" + LimsApi.ROOT + "/public/")) {
                    // an empty requirement: anyone may call it (OpenAPI 3.1 §4.8.30)
                    operation.setSecurity(List.of(OASFactory.createSecurityRequirement()));
                } else if (path.getKey().contains("/" + LimsApi.ROOT + "/agent/")) {
                    operation.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme("bench")));
                }
            }
        }
    }

    private static void problemDetails(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponse problem = OASFactory.createAPIResponse()
                .description("Refused or failed: RFC 9457 problem details; 'error' is the stable key a program "
                        + "tests, 'detail' the sentence a person reads, in the caller's language.")
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))));
        operation.getResponses().addAPIResponse("default", problem);
    }
}
