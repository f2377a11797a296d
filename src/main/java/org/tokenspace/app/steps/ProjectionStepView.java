package org.tokenspace.app.steps;

import org.tokenspace.app.Selection;
import org.tokenspace.app.Step;
import org.tokenspace.app.Walkthrough;
import org.tokenspace.app.WalkthroughModel;

/** Stage 5: the batch's vectors before and after adding positions, in the fitted PCA axes. */
public final class ProjectionStepView extends StepView {
    public ProjectionStepView(WalkthroughModel model) {
        super(model, Step.PROJECTION);
    }

    @Override
    protected void update(Walkthrough w, Selection s) {
        setCaption("PCA axes fitted on the token table: " + String.join(", ", w.axes().axisNames()));
    }
}
