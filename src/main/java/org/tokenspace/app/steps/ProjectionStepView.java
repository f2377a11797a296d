package org.tokenspace.app.steps;

import javafx.scene.paint.Color;
import org.tokenspace.app.Selection;
import org.tokenspace.app.Step;
import org.tokenspace.app.Walkthrough;
import org.tokenspace.app.WalkthroughModel;
import org.tokenspace.i18n.I18n;
import org.tokenspace.model.Batch;
import org.tokenspace.model.PipelineResult;
import org.tokenspace.view.Marker;
import org.tokenspace.view.Segment;
import org.tokenspace.view.Vec3;

/**
 * Stage 5: every vector of the batch before adding positions (token vectors) and after (input embeddings), in the
 * axes fitted once on the whole token table, with a line from each token to its positioned version and the
 * vocabulary faint behind them.
 */
public final class ProjectionStepView extends StepView {
    private final CloudPanel cloud;

    public ProjectionStepView(WalkthroughModel model) {
        super(model, Step.PROJECTION);
        cloud = new CloudPanel(model, "projection-cloud");
        content(cloud.view);
    }

    @Override
    protected void update(Walkthrough w, Selection s) {
        PipelineResult r = w.result();
        Batch batch = r.batch();
        setCaption(I18n.tr("projection.caption", batch.batchSize() * batch.maxLength(), r.tables().vocabSize(),
                r.tables().embeddingDim(), String.join(", ", w.cloud().axes().axisNames())));
        setDetail(I18n.tr("projection.detail"));
        cloud.show(w);
        for (int b = 0; b < batch.batchSize(); b++) {
            for (int t = 0; t < batch.maxLength(); t++) {
                boolean selected = s.row() == b && s.position() == t;
                Vec3 tok = Vec3.of(Walkthrough.at(w.tokenPoints(), batch.maxLength(), b, t));
                Vec3 in = Vec3.of(Walkthrough.at(w.inputPoints(), batch.maxLength(), b, t));
                String name = "'" + r.tables().label(batch.inputs()[b][t]) + "'";
                cloud.view.getSegments().add(new Segment(tok, in, selected ? Color.WHITE : Color.rgb(200, 200, 220,
                        0.55)));
                cloud.view.getMarkers().add(new Marker(tok, CloudPanel.TOKEN, null)); // the selection names it
                cloud.view.getMarkers().add(new Marker(in, CloudPanel.INPUT, selected ? I18n.tr("projection.withPosition",
                        name, t) : null));
            }
        }
        cloud.select(s.id());
    }
}
