package dev.goconc.checker.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.goconc.checker.LostCancel;
import org.junit.jupiter.api.Test;

final class GoconcApiTest {
  @Test
  void linksPointAtTheRulePage() {
    assertEquals(GoconcApi.RULES_BASE_URL + "LostCancel.md", GoconcApi.linkFor("LostCancel"));
  }
}
