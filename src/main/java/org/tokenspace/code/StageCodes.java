package org.tokenspace.code;

import org.tokenspace.model.TokenSpaceException;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every stage that has its PyTorch code, in walkthrough order. */
public final class StageCodes {
    private static final List<StageCode> ALL = List.of(new TokenizeCode(), new LookupCode(), new PositionCode(),
            new BatchCode(), new ProjectionCode(), new SchemesCode(), new TrainCode(),
            new ExploreCode());

    private StageCodes() {
    }

    public static List<StageCode> all() {
        return ALL;
    }

    /** The stage of that name, ignoring case, if there is one. */
    public static Optional<StageCode> of(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(s -> s.name().equals(n)).findFirst();
    }

    /** The stage of that name, ignoring case; an unknown name is a user's problem naming the valid ones. */
    public static StageCode find(String name) {
        return of(name).orElseThrow(() -> new TokenSpaceException("unknown stage '" + name + "': use " + names()));
    }

    /** {@code tokenize, lookup, position, batch, projection, schemes, train or explore}. */
    public static String names() {
        List<String> names = ALL.stream().map(StageCode::name).collect(Collectors.toList());
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
