package dev.tgmd.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawFiguresTest {

  private static List<Field> figures() {
    List<Field> figures = new ArrayList<>();
    for (Field f : RawFigures.class.getDeclaredFields()) {
      if (!Modifier.isStatic(f.getModifiers())) {
        figures.add(f);
      }
    }
    return figures;
  }

  @Test
  void everyFigureStartsAbsentAndClearingMakesItAbsentAgain() throws Exception {
    RawFigures r = new RawFigures();
    assertThat(figures()).hasSize(14);
    for (Field f : figures()) {
      assertThat(f.getLong(r)).as(f.getName()).isEqualTo(RawFigures.ABSENT);
      f.setLong(r, 42);
    }

    r.clear();

    for (Field f : figures()) {
      assertThat(f.getLong(r)).as(f.getName()).isEqualTo(RawFigures.ABSENT);
    }
  }
}
