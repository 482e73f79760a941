import dev.goconc.*;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Computes a recipe's nutrition facts: ingredients looked up in parallel in the food database. */
public class NutritionCalculator {
  public record Ingredient(String name, double grams) {}
  public record Facts(double kcal, double protein, double fat, double carbs) {
    Facts plus(Facts o) {
      return new Facts(kcal + o.kcal, protein + o.protein, fat + o.fat, carbs + o.carbs);
    }
    Facts scaled(double f) {
      return new Facts(kcal * f, protein * f, fat * f, carbs * f);
    }
    static final Facts ZERO = new Facts(0, 0, 0, 0);
  }

  public interface FoodDb {
    Facts per100g(Context ctx, String food) throws Exception;
  }

  private final FoodDb db;
  private final Map<String, Facts> cache = new ConcurrentHashMap<>();

  public NutritionCalculator(FoodDb db) {
    this.db = db;
  }

  public Facts perServing(Context ctx, List<Ingredient> recipe, int servings) {
    Map<String, Facts> looked = new HashMap<>();
    ErrGroup g = ErrGroup.withContext(ctx);
    for (Ingredient i : recipe) {
      if (cache.containsKey(i.name())) {
        continue;
      }
      g.go(() -> cache.put(i.name(), db.per100g(g.context(), i.name())));
    }
    Throwable err = g.await();
    if (err != null) {
      throw new IllegalStateException("food database unavailable", err);
    }
    recipe.forEach(i -> looked.put(i.name(), cache.get(i.name())));
    Facts total = Facts.ZERO;
    for (Ingredient i : recipe) {
      total = total.plus(looked.get(i.name()).scaled(i.grams() / 100.0));
    }
    return total.scaled(1.0 / servings);
  }

  /** Weekly meal plan: seven days computed side by side; the wait group awaits them all. */
  public Map<String, Facts> week(Context ctx, Map<String, List<Ingredient>> days) {
    Map<String, Facts> out = new ConcurrentHashMap<>();
    WaitGroup wg = new WaitGroup();
    days.forEach((day, recipe) -> {
      // OK(WaitGroupAddInGoroutine): added on the caller's thread before the launch
      wg.add(1);
      Go.go(() -> {
        try {
          out.put(day, perServing(ctx, recipe, 1));
        } finally {
          wg.done();
        }
      });
    });
    wg.await();
    return out;
  }
}
