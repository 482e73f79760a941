package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.model.ChannelUses.Kind;
import dev.goconc.checker.model.ChannelUses.Use;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The channels a class keeps in its private fields, with every use the code of the top-level
 * class makes of them: a Go struct's channel fields, made when the object is and used by its
 * methods and by the goroutines it starts ({@code go n.run()}). Computed once per top-level class.
 *
 * <p>A field is judged only when the model sees all of it in this file: private or package-private
 * (a package-private one may also be used by another file of the package, which {@link
 * Field#confined} tells the questions that depend on it), made once, when the object is made — in
 * its declaration, a constructor or an instance initializer, with {@code Chan.make} — and never
 * assigned again; every mention of it is a plain name, {@code this.name}, or {@code x.name} for a
 * variable {@code x} (a local, a parameter, a field) whose type is the field's class, in a method
 * or initializer block of the top-level class, which the channel model classifies ({@link
 * ChannelUses}); and no use escapes (an accessor returning it, a method without a summary it is
 * passed to, a lambda that may run elsewhere) — except through a {@link ReceiveOnlyAccessors
 * receive-only accessor}, which lets others receive but not send or close ({@link
 * Field#handedOut}). Anything else ({@code a.b.name}, {@code get().name}, {@code x.name} for a
 * subclass-typed {@code x}): the field is not judged.
 *
 * <p>Which object {@code x} holds is not followed: the uses of a field named so are those of the
 * field of every object of the class at once ({@link Field#acrossObjects}). That identity answers
 * the questions asked of these uses — "is every receive of the field in one goroutine's loop",
 * "does any code receive from it" — for each single object too: its own uses are some of these,
 * so what holds of all of them holds of its. A question that would pair one object's send with
 * a receive as its partner would need the object, and is not asked of such a field.
 *
 * <p>Each use is known with the code that runs it: a goroutine body started inside a method (the
 * lambda), a method of the class that the unit launches as a goroutine ({@code Go.go(this::run)}),
 * or neither (the caller's own thread, {@link FieldUse#runner} null).
 */
public final class FieldChannels {
  private FieldChannels() {}

  /**
   * One use of a field channel.
   *
   * @param use the use, as the model of its root sees it
   * @param ops the root's operations, to ask whether the use waits
   * @param runner the goroutine body that runs it (a lambda or a launched method), or null for
   *     code that runs on whichever thread calls it
   */
  public record FieldUse(Use use, ChannelWaits ops, Tree runner) {
    /** Whether the use names the field through a variable ({@code x.name}), not as its own. */
    public boolean throughVariable() {
      return use.ident() instanceof MemberSelectTree select
          && !(select.getExpression() instanceof IdentifierTree self
              && self.getName().contentEquals("this"));
    }
  }

  /**
   * A judged field channel and all its uses in the unit; {@code confined} when no other file can
   * name it (see {@link #confined}), so its uses here are all its uses; {@code acrossObjects}
   * when some code names it through a variable ({@code x.name}), so that its uses are those of
   * the field of every object of the class together; {@code handedOut} when a {@link
   * ReceiveOnlyAccessors receive-only accessor} returns it, so code anywhere may receive from
   * it, though none outside the class can send on it or close it.
   */
  public record Field(VarSymbol symbol, VariableTree declaration, OptionalInt capacity,
      List<FieldUse> uses, boolean confined, boolean acrossObjects, boolean handedOut) {
    public boolean any(Kind kind) {
      return uses.stream().anyMatch(u -> u.use().kind() == kind);
    }

    public List<FieldUse> of(Kind kind) {
      return uses.stream().filter(u -> u.use().kind() == kind).toList();
    }
  }

  /** The judged channel fields of the top-level class around {@code state}'s path. */
  public static List<Field> in(ChannelKind kind, VisitorState state) {
    TreePath topLevel = null;
    for (TreePath p = state.getPath(); p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree) {
        topLevel = p;
      }
    }
    if (topLevel == null) {
      return List.of();
    }
    TreePath classPath = topLevel;
    return UnitMemo.get(state, kind == ChannelKind.GOCONC ? GOCONC : QUEUE, classPath.getLeaf(),
        () -> collect(classPath, kind, state));
  }

  /** The judged field {@code field}, when it is one (see the class comment). */
  public static Optional<Field> of(VarSymbol field, ChannelKind kind, VisitorState state) {
    return in(kind, state).stream().filter(f -> f.symbol() == field).findFirst();
  }

  /**
   * Whether {@code channel}, used by the code at {@code state}'s path, is a done channel: nobody
   * sends on it and it never escapes, so closing it is its owner's signal. A local is read in the
   * method or initializer block that declares it, goroutines included; a field through {@link
   * #in}; anything else is not known to be one.
   */
  public static boolean isDoneChannel(VarSymbol channel, VisitorState state) {
    if (channel.getKind() == javax.lang.model.element.ElementKind.FIELD) {
      return of(channel, ChannelKind.GOCONC, state)
          .map(f -> f.confined() && !f.any(Kind.SEND)).orElse(false);
    }
    if (channel.getKind() != javax.lang.model.element.ElementKind.LOCAL_VARIABLE) {
      return false;
    }
    TreePath root = CodeRoots.outermostRootOf(state.getPath());
    if (root == null) {
      return false;
    }
    ChannelUses uses = ChannelUses.in(root, state);
    return uses.isDoneChannel(channel) && !uses.any(channel, Kind.REASSIGN);
  }

  private static final UnitMemo.Fact<List<Field>> GOCONC = new UnitMemo.Fact<>("field channels");
  private static final UnitMemo.Fact<List<Field>> QUEUE = new UnitMemo.Fact<>("field queues");

  private static List<Field> collect(TreePath classPath, ChannelKind kind, VisitorState state) {
    Map<VarSymbol, VariableTree> candidates = new LinkedHashMap<>();
    Map<VarSymbol, List<Tree>> mentions = new LinkedHashMap<>();
    Set<Tree> mentioning = Collections.newSetFromMap(new IdentityHashMap<>());
    List<TreePath> throughOthers = new ArrayList<>();
    List<TreePath> roots = new ArrayList<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        VarSymbol symbol = ASTHelpers.getSymbol(tree);
        if (symbol != null && symbol.getKind() == javax.lang.model.element.ElementKind.FIELD
            && (confined(symbol) || packagePrivate(symbol)) && !ASTHelpers.isStatic(symbol)
            && kind.isChannelType(symbol.type, state)) {
          candidates.put(symbol, tree);
        }
        return super.visitVariable(tree, null);
      }

      @Override
      public Void visitMethod(MethodTree tree, Void unused) {
        if (tree.getBody() != null) {
          roots.add(getCurrentPath());
        }
        return super.visitMethod(tree, null);
      }

      @Override
      public Void visitBlock(BlockTree tree, Void unused) {
        if (getCurrentPath().getParentPath().getLeaf() instanceof ClassTree) {
          roots.add(getCurrentPath()); // an initializer block
        }
        return super.visitBlock(tree, null);
      }

      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        mention(tree);
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
        mention(tree);
        return super.visitMemberSelect(tree, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        if (kind == ChannelKind.GOCONC
            && ReceiveOnlyAccessors.fieldOf(tree, state).isPresent()) {
          markRootsAround(); // a receive-only accessor's call uses the field it returns
        }
        return super.visitMethodInvocation(tree, null);
      }

      private void mention(ExpressionTree tree) {
        if (ASTHelpers.getSymbol(tree) instanceof VarSymbol var
            && var.getKind() == javax.lang.model.element.ElementKind.FIELD
            && kind.isChannelType(var.type, state)) {
          mentions.computeIfAbsent(var, v -> new ArrayList<>()).add(tree);
          if (namesAnyObject(tree, var)) {
            throughOthers.add(getCurrentPath());
          }
          markRootsAround();
        }
      }

      private void markRootsAround() {
        for (TreePath p = getCurrentPath(); p != null; p = p.getParentPath()) {
          mentioning.add(p.getLeaf()); // the roots around it are the ones worth reading
        }
      }
    }.scan(classPath, null);
    if (candidates.isEmpty()) {
      return List.of();
    }
    Map<Tree, List<MethodInvocationTree>> launched = GoroutineBodies.launchedBodies(state);
    Map<Tree, List<TreePath>> throughOthersByRoot = byOutermostRoot(throughOthers, roots);
    Map<VarSymbol, List<FieldUse>> uses = new LinkedHashMap<>();
    Set<VarSymbol> acrossObjects = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Tree> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (TreePath root : roots) {
      if (!mentioning.contains(root.getLeaf())) {
        continue; // names no channel field: nothing to read, no model to build
      }
      ChannelUses rootUses = ChannelUses.in(root, kind, state);
      ChannelWaits ops = new ChannelWaits(rootUses, state);
      Tree launchedRoot = launched.containsKey(root.getLeaf()) ? root.getLeaf() : null;
      for (VarSymbol field : candidates.keySet()) {
        for (Use use : rootUses.of(field)) {
          if (seen.add(use.ident() != null ? use.ident() : use.tree())) {
            uses.computeIfAbsent(field, f -> new ArrayList<>())
                .add(new FieldUse(use, ops, runnerOf(use, rootUses, launchedRoot)));
          } // else a nested class's method, already seen from the method around it
        }
      }
      for (TreePath mention : throughOthersByRoot.getOrDefault(root.getLeaf(), List.of())) {
        VarSymbol field = (VarSymbol) ASTHelpers.getSymbol(mention.getLeaf());
        if (!candidates.containsKey(field) || !seen.add(mention.getLeaf())) {
          continue;
        }
        acrossObjects.add(field);
        for (Use use : rootUses.usesThrough(field, mention, state)) {
          uses.computeIfAbsent(field, f -> new ArrayList<>())
              .add(new FieldUse(use, ops, runnerOf(use, rootUses, launchedRoot)));
        }
      }
    }
    List<Field> fields = new ArrayList<>();
    for (Map.Entry<VarSymbol, VariableTree> candidate : candidates.entrySet()) {
      VarSymbol field = candidate.getKey();
      List<FieldUse> all = uses.getOrDefault(field, List.of());
      judged(field, candidate.getValue(), all, mentions.getOrDefault(field, List.of()),
          acrossObjects.contains(field), kind, state).ifPresent(fields::add);
    }
    return List.copyOf(fields);
  }

  /** The goroutine body that runs {@code use}, or null for the caller's thread (see FieldUse). */
  private static Tree runnerOf(Use use, ChannelUses rootUses, Tree launchedRoot) {
    return use.unit() != rootUses.root() ? use.unit() : launchedRoot;
  }

  /**
   * {@code x.name} for the channel field {@code field}, where {@code x} is a variable (a local, a
   * parameter, a field) whose type is the field's class: the field of some object of the class,
   * maybe this one.
   */
  private static boolean namesAnyObject(ExpressionTree mention, VarSymbol field) {
    return mention instanceof MemberSelectTree select
        && select.getExpression() instanceof IdentifierTree object
        && !object.getName().contentEquals("this")
        && ASTHelpers.getSymbol(object) instanceof VarSymbol variable
        && variable.type != null
        && variable.type.tsym == field.owner;
  }

  /**
   * Each mention under the outermost of {@code roots} around it: the root whose channel model
   * classifies it, as it does the plain names in it (a nested class's method is seen from the
   * method around it).
   */
  private static Map<Tree, List<TreePath>> byOutermostRoot(
      List<TreePath> mentionPaths, List<TreePath> roots) {
    Set<Tree> rootLeaves = Collections.newSetFromMap(new IdentityHashMap<>());
    roots.forEach(root -> rootLeaves.add(root.getLeaf()));
    Map<Tree, List<TreePath>> byRoot = new IdentityHashMap<>();
    for (TreePath mention : mentionPaths) {
      Tree outermost = null;
      for (TreePath p = mention; p != null; p = p.getParentPath()) {
        if (rootLeaves.contains(p.getLeaf())) {
          outermost = p.getLeaf();
        }
      }
      if (outermost != null) {
        byRoot.computeIfAbsent(outermost, r -> new ArrayList<>()).add(mention);
      }
    }
    return byRoot;
  }

  /** The field with its uses, when the model sees all of them (see the class comment). */
  private static Optional<Field> judged(VarSymbol field, VariableTree declaration,
      List<FieldUse> all, List<Tree> mentions, boolean acrossObjects, ChannelKind kind,
      VisitorState state) {
    Set<Tree> covered = Collections.newSetFromMap(new IdentityHashMap<>());
    for (FieldUse use : all) {
      covered.add(use.use().ident());
      if (use.use().tree() instanceof com.sun.source.tree.MemberReferenceTree reference) {
        covered.add(reference.getQualifierExpression()); // ch::close run through a local
      }
    }
    if (!covered.containsAll(mentions)) {
      return Optional.empty(); // named as other.name, or outside any method
    }
    ExpressionTree made = declaration.getInitializer();
    boolean handedOut = false;
    for (FieldUse use : all) {
      switch (use.use().kind()) {
        case ESCAPE -> {
          if (!returnedByAccessor(field, use, state)) {
            return Optional.empty();
          }
          handedOut = true;
        }
        case REASSIGN -> {
          return Optional.empty();
        }
        case MAKE -> {
          if (made != null || use.use().inLoop() || use.runner() != null
              || use.throughVariable() || !madeWithTheObject(use.ops())) {
            return Optional.empty();
          }
          made = use.use().made();
        }
        default -> {}
      }
    }
    if (made == null || !kind.isMake(made, state)) {
      return Optional.empty();
    }
    OptionalInt capacity = made instanceof MethodInvocationTree make
        ? ChannelUses.capacity(make)
        : OptionalInt.empty();
    return Optional.of(
        new Field(field, declaration, capacity, List.copyOf(all), confined(field),
            acrossObjects, handedOut));
  }

  /** Whether {@code use} is the {@code return f;} of a receive-only accessor of {@code field}. */
  private static boolean returnedByAccessor(VarSymbol field, FieldUse use, VisitorState state) {
    return use.use().tree() instanceof ReturnTree
        && use.ops().uses().root() instanceof MethodTree method
        && use.use().unit() == method
        && ReceiveOnlyAccessors.fieldOf(method, state).orElse(null) == field;
  }

  /**
   * Whether only code of the top-level class can name the field: it is private, or a class
   * around it is private, local or anonymous. A package-private field is not: another file of the
   * package may use it.
   */
  private static boolean confined(VarSymbol field) {
    if ((field.flags() & Flags.PRIVATE) != 0) {
      return true;
    }
    for (Symbol owner = field.owner; owner instanceof Symbol.ClassSymbol type;
        owner = owner.owner) {
      if ((type.flags() & Flags.PRIVATE) != 0 || type.isAnonymous()
          || type.isDirectlyOrIndirectlyLocal()) {
        return true;
      }
    }
    return false;
  }

  /** A field with no access modifier: other files of its package may name it. */
  private static boolean packagePrivate(VarSymbol field) {
    return (field.flags() & (Flags.PUBLIC | Flags.PROTECTED | Flags.PRIVATE)) == 0;
  }

  /** Whether the make runs when the object is made: in a constructor or an initializer block. */
  private static boolean madeWithTheObject(ChannelWaits ops) {
    Tree root = ops.uses().root();
    return (root instanceof MethodTree method
            && ASTHelpers.getSymbol(method) instanceof Symbol.MethodSymbol symbol
            && symbol.isConstructor())
        || root instanceof BlockTree;
  }
}
