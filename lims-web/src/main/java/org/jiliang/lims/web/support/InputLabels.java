package org.jiliang.lims.web.support;

import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.component.html.HtmlOutputLabel;
import jakarta.faces.event.SystemEvent;
import jakarta.faces.event.SystemEventListener;

/**
 * Every input's messages name it by its label (issue 11: "env-temperature: …" named the field by its id). An input
 * without a {@code label} attribute takes the text of the {@code h:outputLabel} that points at it, before it is
 * converted and validated, so that a converter's or a validator's message says "温度: …", not the id.
 * Registered for {@code PreValidateEvent} in faces-config.xml.
 */
public class InputLabels implements SystemEventListener {

    @Override
    public boolean isListenerForSource(Object source) {
        return source instanceof UIInput;
    }

    @Override
    public void processEvent(SystemEvent event) {
        UIInput input = (UIInput) event.getSource();
        if (input.getAttributes().get("label") != null || input.getId() == null) {
            return;
        }
        UIComponent scope = input;
        while (scope.getParent() != null && !(scope instanceof jakarta.faces.component.UIForm)) {
            scope = scope.getParent();
        }
        String text = labelFor(scope, input.getId());
        if (text != null) {
            input.getAttributes().put("label", text);
        }
    }

    /** The text of the output label in {@code scope} whose {@code for} names the input, without a trailing colon. */
    static String labelFor(UIComponent scope, String inputId) {
        if (scope instanceof HtmlOutputLabel label && inputId.equals(label.getFor()) && label.getValue() != null) {
            String text = label.getValue().toString().strip();
            while (text.endsWith(":") || text.endsWith("：")) {
                text = text.substring(0, text.length() - 1).strip();
            }
            return text.isEmpty() ? null : text;
        }
        for (UIComponent child : scope.getChildren()) {
            String found = labelFor(child, inputId);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
