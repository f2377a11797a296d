package org.tokenspace.app;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tokenspace.explore.Analogy;
import org.tokenspace.explore.Metric;
import org.tokenspace.explore.Neighbour;
import org.tokenspace.explore.Neighbours;
import org.tokenspace.explore.Projection;
import org.tokenspace.explore.Tsne;
import org.tokenspace.explore.TsneSettings;
import org.tokenspace.explore.Umap;
import org.tokenspace.explore.UmapSettings;
import org.tokenspace.explore.Vectors;
import org.tokenspace.i18n.I18n;
import org.tokenspace.model.Gpt2Tokenizer;
import org.tokenspace.model.TokenSpaceException;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Explore stage: the walkthrough's token table (seeded, loaded or trained) mapped by PCA, t-SNE or UMAP, on the
 * text's distinct tokens or the whole table; exact neighbours of the selected token; analogies. The maps and the
 * neighbour index are built on worker threads (with progress, Pause and Cancel); the map's coordinates arrive a few
 * times a second while it runs, so the view animates it.
 */
public final class ExploreModel {
    /** Which rows are mapped. */
    public enum Rows { TEXT, TABLE }

    /** How they are mapped. */
    public enum Method { PCA, TSNE, UMAP }

    /** A map: the token id of each point and its coordinates {@code [n, 3]} (0 in the third for 2-D). */
    public record MapPoints(int[] ids, float[] xyz, Method method, int components, int iteration, int iterations) {
    }

    private final WalkthroughModel model;
    private final TaskRunner maps = new TaskRunner("tokenspace-explore-map");
    private final TaskRunner queries = new TaskRunner("tokenspace-explore-query");
    /** Its own worker: an analogy asked for while the neighbours are searched does not replace that search. */
    private final TaskRunner analogies = new TaskRunner("tokenspace-explore-analogy");
    private final ObjectProperty<Rows> rows = new SimpleObjectProperty<>(this, "rows", Rows.TEXT);
    private final ObjectProperty<Method> method = new SimpleObjectProperty<>(this, "method", Method.PCA);
    private final IntegerProperty components = new SimpleIntegerProperty(this, "components", 2);
    private final DoubleProperty perplexity = new SimpleDoubleProperty(this, "perplexity", 30);
    private final DoubleProperty learningRate = new SimpleDoubleProperty(this, "learningRate", 0);
    private final IntegerProperty iterations = new SimpleIntegerProperty(this, "iterations", 1000);
    private final IntegerProperty neighbors = new SimpleIntegerProperty(this, "neighbors", 15);
    private final DoubleProperty minDist = new SimpleDoubleProperty(this, "minDist", 0.1);
    private final IntegerProperty seed = new SimpleIntegerProperty(this, "seed", 0);
    private final ObjectProperty<Metric> metric = new SimpleObjectProperty<>(this, "metric", Metric.COSINE);
    private final IntegerProperty k = new SimpleIntegerProperty(this, "k", 10);
    private final BooleanProperty isolate = new SimpleBooleanProperty(this, "isolate", false);
    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused", false);
    private final ReadOnlyObjectWrapper<MapPoints> points = new ReadOnlyObjectWrapper<>(this, "points");
    private final ReadOnlyObjectWrapper<List<Neighbour>> neighbours =
            new ReadOnlyObjectWrapper<>(this, "neighbours", List.of());
    private final ReadOnlyObjectWrapper<List<Neighbour>> analogy =
            new ReadOnlyObjectWrapper<>(this, "analogy", List.of());
    /** The rows of the analogy answered (a, b, c), or null: none yet, or the table changed since. */
    private final ReadOnlyObjectWrapper<org.tokenspace.code.CodeInput.AnalogyRows> analogyRows =
            new ReadOnlyObjectWrapper<>(this, "analogyRows");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final AtomicBoolean pauseFlag = new AtomicBoolean();
    /** The neighbour index of the table it was built on; replaced when the table changes. */
    private volatile Neighbours index;
    private volatile INDArray indexed;
    private volatile int[] indexedRows;
    /** The table, text or selection changed while the stage was not on screen. */
    private boolean mapStale = true;
    private boolean neighboursStale = true;

    ExploreModel(WalkthroughModel model) {
        this.model = model;
        paused.addListener((o, a, b) -> pauseFlag.set(b));
        model.walkthroughProperty().addListener((o, a, b) -> {
            if (b == null) {
                return;
            }
            boolean newTable = a == null || a.result().tables().tokenTable() != b.result().tables().tokenTable();
            if (newTable || !java.util.Arrays.equals(a.result().ids(), b.result().ids())) {
                mapStale = true;
            }
            if (newTable || a.selection().id() != b.selection().id()) {
                neighboursStale = true;
            }
            if (newTable && a != null) {
                analogies.cancel(); // an answer of the table before is not shown beside the new one
                analogyRows.set(null);
                analogy.set(List.of());
            }
            catchUp();
        });
        model.stepper().stepProperty().addListener((o, a, b) -> catchUp());
        rows.addListener((o, a, b) -> {
            remap();
            queryNeighbours();
        });
        method.addListener((o, a, b) -> {
            if (b == Method.PCA) {
                map();
            }
        });
        components.addListener((o, a, b) -> {
            if (method.get() == Method.PCA) {
                map();
            }
        });
        metric.addListener((o, a, b) -> queryNeighbours());
        k.addListener((o, a, b) -> queryNeighbours());
    }

    /**
     * Draws the map and asks for the neighbours again if the table, the text or the selection changed since, but only
     * while the Explore stage is on screen: the neighbour index copies the whole table, which no other stage needs.
     */
    private void catchUp() {
        if (model.stepper().stepProperty().get() != Step.EXPLORE || model.walkthroughProperty().get() == null) {
            return;
        }
        if (mapStale) {
            mapStale = false;
            remap();
        }
        if (neighboursStale) {
            neighboursStale = false;
            queryNeighbours();
        }
    }

    /** The ids mapped: the text's distinct tokens in order of first appearance, or every row. */
    private static int[] ids(Walkthrough w, Rows r) {
        if (r == Rows.TEXT) {
            return Vectors.distinct(w.result().ids());
        }
        int[] all = new int[(int) w.result().tables().vocabSize()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return all;
    }

    /**
     * The map again after the rows, text or table changed: the text's tokens take seconds at most, so t-SNE and UMAP
     * run again at once; on the whole table (minutes) the PCA map stands in until Run is pressed.
     */
    private void remap() {
        if (method.get() == Method.PCA || rows.get() == Rows.TEXT) {
            map();
        } else {
            maps.cancel();
            Walkthrough w = model.walkthroughProperty().get();
            pca(w, ids(w, rows.get()));
        }
    }

    private void pca(Walkthrough w, int[] ids) {
        float[] all = w.cloud().points(); // [V, 3] in the walkthrough's PCA axes
        float[] xyz = new float[3 * ids.length];
        for (int i = 0; i < ids.length; i++) {
            System.arraycopy(all, 3 * ids[i], xyz, 3 * i, components.get() == 3 ? 3 : 2);
        }
        points.set(new MapPoints(ids, xyz, Method.PCA, components.get(), 0, 0));
    }

    /** Draws the map: PCA at once from the walkthrough's axes, t-SNE or UMAP in the background. */
    public void map() {
        Walkthrough w = model.walkthroughProperty().get();
        if (w == null) {
            return;
        }
        int[] ids = ids(w, rows.get());
        if (method.get() == Method.PCA || ids.length < 4) {
            maps.cancel();
            pca(w, ids);
            return;
        }
        INDArray table = w.result().tables().tokenTable();
        Method m = method.get();
        int c = components.get();
        TsneSettings tsne = TsneSettings.DEFAULTS.withComponents(c).withPerplexity(perplexity.get())
                .withIterations(iterations.get()).withLearningRate(learningRate.get());
        UmapSettings umap = UmapSettings.DEFAULTS.withComponents(c).withNeighbors(neighbors.get())
                .withMinDist(minDist.get()).withSeed(seed.get());
        AtomicReference<MapPoints> latest = new AtomicReference<>();
        AtomicBoolean posted = new AtomicBoolean();
        paused.set(false);
        maps.run(I18n.tr(m == Method.TSNE ? "explore.task.tsne" : "explore.task.umap"), p -> {
            Vectors x = Vectors.of(table).select(ids); // [n, D]
            org.tokenspace.io.Progress prepare = new org.tokenspace.io.Progress(f -> p.fraction().accept(0.3 * f),
                    p.cancelled());
            Projection run = m == Method.TSNE ? Tsne.prepare(x, tsne, prepare) : Umap.prepare(x, umap, prepare);
            long shown = 0;
            while (!run.done()) {
                while (pauseFlag.get()) {
                    p.poll();
                    Thread.sleep(50);
                }
                run.step(Math.max(1, run.iterations() / 200));
                p.fraction().accept(0.3 + 0.7 * run.iteration() / run.iterations());
                p.poll();
                if (System.nanoTime() - shown > 100_000_000L || run.done()) { // about ten frames a second
                    shown = System.nanoTime();
                    latest.set(new MapPoints(ids, xyz(run.coordinates(), c), m, c, run.iteration(),
                            run.iterations()));
                    if (!posted.getAndSet(true)) {
                        Platform.runLater(() -> {
                            posted.set(false);
                            points.set(latest.get());
                        });
                    }
                }
            }
            return new MapPoints(ids, xyz(run.coordinates(), c), m, c, run.iteration(), run.iterations());
        }, points::set, null);
    }

    /** {@code [n, c]} as {@code [n, 3]}. */
    private static float[] xyz(float[] coords, int c) {
        int n = coords.length / c;
        float[] out = new float[3 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(coords, c * i, out, 3 * i, c);
        }
        return out;
    }

    /** Stops a running t-SNE or UMAP; the map stays where it got to. */
    public void cancel() {
        maps.cancel();
        paused.set(false);
    }

    /**
     * The neighbour index of {@code rows} of {@code table} (null: every row), built once for each (a copy of the rows:
     * about 0.3 s for GPT-2's whole table). Rows of the index are positions in {@code rows}.
     */
    private synchronized Neighbours index(INDArray table, int[] rows) {
        if (index == null || indexed != table || !java.util.Arrays.equals(indexedRows, rows)) {
            Vectors all = Vectors.of(table);
            index = new Neighbours(rows == null ? all : all.select(rows));
            indexed = table;
            indexedRows = rows;
        }
        return index;
    }

    /** Results in index rows as token ids. */
    private static List<Neighbour> ids(List<Neighbour> found, int[] rows) {
        return rows == null ? found : found.stream().map(n -> new Neighbour(rows[n.id()], n.score())).toList();
    }

    /** Where {@code id} is in {@code rows} (null: the id itself), or -1. */
    private static int position(int[] rows, int id) {
        if (rows == null) {
            return id;
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == id) {
                return i;
            }
        }
        return -1;
    }

    /** The rows neighbours are searched among: the text's distinct tokens (null: the whole table). */
    private int[] searched(Walkthrough w) {
        return rows.get() == Rows.TEXT ? Vectors.distinct(w.result().ids()) : null;
    }

    /** The selected token's nearest rows of the whole table, on the query worker. */
    private void queryNeighbours() {
        Walkthrough w = model.walkthroughProperty().get();
        if (w == null) {
            return;
        }
        INDArray table = w.result().tables().tokenTable();
        int id = w.selection().id();
        Metric m = metric.get();
        int count = k.get();
        int[] among = searched(w);
        queries.run(I18n.tr("explore.task.neighbours"), p -> {
            int at = position(among, id);
            if (at >= 0) {
                return ids(index(table, among).of(at, count, m), among);
            }
            float[] query = table.getRow(id).toFloatVector(); // a token outside the text: searched among it all the same
            return ids(index(table, among).of(query, count, m), among);
        }, neighbours::set, null);
    }

    /**
     * {@code a - b + c} over the whole table, each given as an id or one GPT-2 token (a word is tried with its
     * leading space first, as the vocabulary stores words inside a text).
     */
    public void solveAnalogy(String a, String b, String c) {
        Walkthrough w = model.walkthroughProperty().get();
        if (w == null) {
            return;
        }
        try {
            int ra = row(a, w);
            int rb = row(b, w);
            int rc = row(c, w);
            INDArray table = w.result().tables().tokenTable();
            int count = k.get();
            problem.set("");
            analogies.run(I18n.tr("explore.task.analogy"), p -> Analogy.solve(index(table, null), ra, rb, rc, count),
                    answers -> {
                        analogyRows.set(new org.tokenspace.code.CodeInput.AnalogyRows(ra, rb, rc));
                        analogy.set(answers);
                    }, () -> problem.set(analogies.problemProperty().get())); // e.g. a row of zeros has no direction
        } catch (TokenSpaceException e) {
            problem.set(e.getMessage());
        }
    }

    private static int row(String text, Walkthrough w) {
        String v = text.strip();
        long vocab = w.result().tables().vocabSize();
        if (v.matches("\\d{1,9}")) {
            int id = Integer.parseInt(v);
            if (id < vocab) {
                return id;
            }
            throw new TokenSpaceException(I18n.tr("explore.noRow", v, vocab - 1));
        }
        Gpt2Tokenizer bpe = Gpt2Tokenizer.get();
        for (String candidate : new String[] {" " + v, v}) {
            int[] ids = bpe.encode(candidate);
            if (!v.isEmpty() && ids.length == 1 && ids[0] < vocab) {
                return ids[0];
            }
        }
        throw new TokenSpaceException(I18n.tr("explore.notOneToken", text));
    }

    /** Waits until the maps and queries are done (for tests and snapshots; not on the FX thread). */
    public void awaitIdle() throws InterruptedException {
        TaskRunner.awaitIdle(maps, queries, analogies);
    }

    public ObjectProperty<Rows> rowsProperty() {
        return rows;
    }

    public ObjectProperty<Method> methodProperty() {
        return method;
    }

    public IntegerProperty componentsProperty() {
        return components;
    }

    public DoubleProperty perplexityProperty() {
        return perplexity;
    }

    /** t-SNE's learning rate; 0 is scikit-learn's "auto". */
    public DoubleProperty learningRateProperty() {
        return learningRate;
    }

    public IntegerProperty iterationsProperty() {
        return iterations;
    }

    /** UMAP's neighbours. */
    public IntegerProperty neighborsProperty() {
        return neighbors;
    }

    public DoubleProperty minDistProperty() {
        return minDist;
    }

    /** UMAP's seed (t-SNE starts from PCA, so a run repeats without one). */
    public IntegerProperty seedProperty() {
        return seed;
    }

    public ObjectProperty<Metric> metricProperty() {
        return metric;
    }

    public IntegerProperty kProperty() {
        return k;
    }

    /** Show only the selected token and its neighbours in the map. */
    public BooleanProperty isolateProperty() {
        return isolate;
    }

    /** A running map waits between steps while paused. */
    public BooleanProperty pausedProperty() {
        return paused;
    }

    public ReadOnlyObjectProperty<MapPoints> pointsProperty() {
        return points.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<Neighbour>> neighboursProperty() {
        return neighbours.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<Neighbour>> analogyProperty() {
        return analogy.getReadOnlyProperty();
    }

    /** The rows {@code a, b, c} of the analogy {@link #analogyProperty()} answers, or null. */
    public ReadOnlyObjectProperty<org.tokenspace.code.CodeInput.AnalogyRows> analogyRowsProperty() {
        return analogyRows.getReadOnlyProperty();
    }

    /** The map's worker: busy, progress, its problem. */
    public TaskRunner mapRunner() {
        return maps;
    }

    /** A problem with the analogy's words, or "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
