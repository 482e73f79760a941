package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.flow.ExitPaths;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * The channel fields of an object a method has just made and not yet shared with anyone: until
 * the object is handed to other code, only the method's own statements can use its channels, so a
 * send that finds the buffer full (at once, for an unbuffered channel) waits for good — nothing
 * else can receive.
 * GoKer's cockroach#24808: the test sends a suggestion into the compactor's one-slot channel, then
 * calls {@code start()}, whose first statement sends another before it starts the only reader.
 *
 * <p>Read for a local {@code C x = new C(...)} of a class of the unit whose construction cannot
 * let the object out ({@link #sealedWhileMade}), and each field of {@code C} that is final and made
 * in its declaration with a constant capacity. The method's statements after the declaration, in
 * the same block, are read in order while the object stays unshared:
 *
 * <ul>
 *   <li>a statement that does not name {@code x} cannot touch its channels;
 *   <li>{@code x.ch.send(v);} adds a value;
 *   <li>{@code x.m(...);} with arguments that do not name {@code x}, for a method of {@code C} (the
 *       object is a {@code C}, so a subclass cannot replace it; {@link
 *       ParameterEffects#summarisableOnItsOwnClass}), is read off its control-flow
 *       graph ({@link ExitPaths}), whatever statements carry it (a branch, a {@code catch}, a
 *       switch arm): its sends on the field ({@code ch.send(v)}, {@code this.ch.send(v)}, {@code
 *       List.of(a, b).forEach(ch::send)}) add values along each path, and anything that may
 *       share the object ({@code this}, a member named without a qualifier, a lambda, a method
 *       reference, an inner object) ends the path. A send that no path from a sharing point
 *       reaches, and that the least count along the paths to it finds with the buffer full, is
 *       the finding. One call the method surely makes first into more code of the object (a
 *       helper of {@code C}, {@code new Inner().run()}, an inner class's constructor) is read the
 *       same way, up to {@value #MOST_CALLS_FOLLOWED} deep. A method that may share the object
 *       ends the reading after it;
 *   <li>anything else ends the reading: the object may be shared from there on.
 * </ul>
 *
 * The reading enters a nested block and the block of a {@code try} without {@code catch} (an
 * exception leaves the method, so what follows runs only when the block ran through), and ends
 * at any other statement that names the object. Every statement read runs on every path that
 * reaches the next, so the count of values is exact; a send that comes with the buffer already
 * holding its capacity is the finding.
 */
public final class FreshObjectBuffers {
  private FreshObjectBuffers() {}

  /**
   * A send that waits for good.
   *
   * @param send the blocked send
   * @param field the channel field
   * @param capacity its buffer's size
   * @param made where the object was made
   * @param call the call of the object's method that runs {@code send}, or null when the method
   *     itself sends
   */
  public record Full(MethodInvocationTree send, VarSymbol field, int capacity, VariableTree made,
      MethodInvocationTree call) {}

  /**
   * The sends into a full buffer of the objects made by the code of {@code body} (a method's or an
   * initializer's block; lambdas and classes in it are roots of their own).
   */
  public static List<Full> in(Tree body, VisitorState state) {
    Map<ClassSymbol, Map<VarSymbol, Integer>> buffered = bufferedFields(state);
    if (buffered.isEmpty() || body == null) {
      return List.of();
    }
    List<Full> found = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitBlock(BlockTree block, Void unused) {
        readStatements(block.getStatements());
        return super.visitBlock(block, null);
      }

      @Override
      public Void visitCase(com.sun.source.tree.CaseTree arm, Void unused) {
        if (arm.getCaseKind() == com.sun.source.tree.CaseTree.CaseKind.STATEMENT) {
          readStatements(arm.getStatements()); // case X: statements, without a block
        }
        return super.visitCase(arm, null);
      }

      private void readStatements(List<? extends StatementTree> statements) {
        for (int i = 0; i < statements.size(); i++) {
          if (statements.get(i) instanceof VariableTree local
              && local.getInitializer() instanceof NewClassTree created
              && created.getClassBody() == null
              && ASTHelpers.getSymbol(created) instanceof MethodSymbol constructor
              && buffered.get(constructor.owner) instanceof Map<VarSymbol, Integer> fields
              && ASTHelpers.getSymbol(local) instanceof VarSymbol object) {
            for (Map.Entry<VarSymbol, Integer> field : fields.entrySet()) {
              Optional<Full> full = new Reading(object, local, field.getKey(), field.getValue(),
                  state).read(statements.subList(i + 1, statements.size()));
              if (full != null) {
                full.ifPresent(found::add);
              }
            }
          }
        }
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
        return null; // a root of its own
      }

      @Override
      public Void visitClass(ClassTree type, Void unused) {
        return null;
      }
    }.scan(body, null);
    return found;
  }

  /** One object's one field, followed through the statements after the object is made. */
  private static final class Reading {
    private final VarSymbol object;
    private final VariableTree made;
    private final VarSymbol field;
    private final int capacity;
    private final VisitorState state;
    private int values;

    Reading(VarSymbol object, VariableTree made, VarSymbol field, int capacity,
        VisitorState state) {
      this.object = object;
      this.made = made;
      this.field = field;
      this.capacity = capacity;
      this.state = state;
    }

    /**
     * The finding among {@code statements}; empty when they run through without sharing the
     * object, null when the reading ends.
     */
    Optional<Full> read(List<? extends StatementTree> statements) {
      for (StatementTree statement : statements) {
        if (!names(statement, object)) {
          continue;
        }
        if (statement instanceof BlockTree block) {
          Optional<Full> inBlock = read(block.getStatements());
          if (inBlock == null || inBlock.isPresent()) {
            return inBlock;
          }
          continue;
        }
        if (statement instanceof TryTree attempt && attempt.getCatches().isEmpty()
            && attempt.getResources().isEmpty()) {
          // Without a catch, an exception leaves the method: the statements after the try run
          // only when its block ran through.
          Optional<Full> inTry = read(attempt.getBlock().getStatements());
          if (inTry == null || inTry.isPresent()
              || (attempt.getFinallyBlock() != null && names(attempt.getFinallyBlock(), object))) {
            return inTry == null || inTry.isPresent() ? inTry : null;
          }
          continue;
        }
        MethodInvocationTree call = statementCall(statement);
        if (call == null) {
          return null;
        }
        if (isSendOnObjectsField(call)) {
          if (values >= capacity) {
            return Optional.of(new Full(call, field, capacity, made, null));
          }
          values++;
          continue;
        }
        Optional<Full> inMethod = readMethodCall(call);
        if (inMethod == null || inMethod.isPresent()) {
          return inMethod;
        }
      }
      return Optional.empty();
    }

    /**
     * {@code x.m(...)}: the finding inside {@code m}, empty when {@code m} ran through without
     * sharing the object, null when the reading ends.
     */
    private Optional<Full> readMethodCall(MethodInvocationTree call) {
      if (!(call.getMethodSelect() instanceof MemberSelectTree select)
          || !(select.getExpression() instanceof IdentifierTree receiver)
          || ASTHelpers.getSymbol(receiver) != object
          || call.getArguments().stream().anyMatch(argument -> names(argument, object))
          || !(ASTHelpers.getSymbol(call) instanceof MethodSymbol method)
          || method.owner != field.owner
          || ASTHelpers.isStatic(method)
          || !ParameterEffects.summarisableOnItsOwnClass(method, state)) { // x is a new C()
        return null;
      }
      return readDeclaration(method, call, 0);
    }

    /** The code of {@code method} (a method or constructor of the unit), run by {@code call}. */
    private Optional<Full> readDeclaration(
        MethodSymbol method, MethodInvocationTree call, int depth) {
      MethodTree declaration = GoroutineBodies.declarationInUnit(method, state).orElse(null);
      if (declaration == null || declaration.getBody() == null || depth > MOST_CALLS_FOLLOWED) {
        return null;
      }
      TreePath body = TreePath.getPath(state.getPath().getCompilationUnit(), declaration);
      return body == null ? null : readBody(body, call, depth);
    }

    /**
     * What running the body at {@code body} does, read off its graph: the sends on the field it
     * makes before anything in it may share the object, and at most one call it surely runs
     * first into more code of the object ({@code new Inner().run()}, {@code helper()}), read the
     * same way. The finding, empty when the body ran through without sharing the object, null
     * when the reading ends.
     */
    private Optional<Full> readBody(TreePath body, MethodInvocationTree call, int depth) {
      Optional<ExitPaths> graph = ExitPaths.of(body, state);
      if (graph.isEmpty()) {
        return null;
      }
      ExitPaths paths = graph.get();
      Events events = Events.in(body, field, state);
      // A statement's own node (a try, a switch) stands for no code of its own: its parts have
      // nodes of theirs.
      Predicate<Tree> shares = tree -> !events.part().contains(tree)
          && !(tree instanceof StatementTree) && !(tree instanceof com.sun.source.tree.CaseTree)
          && !(tree instanceof com.sun.source.tree.CatchTree)
          && mayUseTheObject(tree);
      List<Tree> sharing = paths.reachedAvoiding(null, shares, tree -> false);
      if (!events.followed().isEmpty()) {
        if (events.followed().size() != 1 || !events.sends().isEmpty()) {
          return null;
        }
        Map.Entry<Tree, MethodSymbol> next = events.followed().entrySet().iterator().next();
        if (!surelyFirst(next.getKey(), paths, sharing)) {
          return null;
        }
        Optional<Full> inNext = readDeclaration(next.getValue(), call, depth + 1);
        return inNext == null || inNext.isPresent() || sharing.isEmpty() ? inNext : null;
      }
      Map<Tree, Integer> least = paths.leastCountsFromEntry((tree, before) -> shares.test(tree)
          ? ExitPaths.BLOCKS
          : before + events.sends().getOrDefault(tree, 0));
      for (Tree send : events.sendsInSourceOrder()) {
        Integer before = least.get(send);
        if (before != null && values + before >= capacity && noSharingBefore(send, paths, sharing)
            && events.reportedAt(send) instanceof MethodInvocationTree at) {
          return Optional.of(new Full(at, field, capacity, made, call));
        }
      }
      if (!sharing.isEmpty()) {
        return null;
      }
      values += leastSentOnTheWayOut(paths, events);
      return Optional.empty();
    }

    /** Whether every way out of the body passes {@code event}, and no sharing comes before it. */
    private static boolean surelyFirst(Tree event, ExitPaths paths, List<Tree> sharing) {
      return paths.exitsFromEntryAvoiding(tree -> tree == event).stream()
              .noneMatch(ExitPaths.Exit::leaves)
          && noSharingBefore(event, paths, sharing);
    }

    /** Whether no path from a sharing tree of the body reaches {@code event}. */
    private static boolean noSharingBefore(Tree event, ExitPaths paths, List<Tree> sharing) {
      return sharing.stream()
          .allMatch(share -> paths.reachedAvoiding(share, tree -> tree == event, tree -> false)
              .isEmpty());
    }

    /**
     * The fewest values the body's sends add on a way back to the caller, up to what the buffer
     * can hold; a {@code throw} out of the body is no way back (the caller's next statement does
     * not run after it).
     */
    private int leastSentOnTheWayOut(ExitPaths paths, Events events) {
      for (int budget = 0; budget <= capacity; budget++) {
        if (paths.exitsWithin(null, tree -> events.sends().getOrDefault(tree, 0), budget).stream()
            .anyMatch(exit -> exit.kind() == ExitPaths.Kind.RETURN
                || exit.kind() == ExitPaths.Kind.END_OF_BODY)) {
          return budget;
        }
      }
      return capacity + 1;
    }

    private boolean isObjectsField(ExpressionTree channel) {
      return channel instanceof MemberSelectTree select
          && ASTHelpers.getSymbol(select) == field
          && select.getExpression() instanceof IdentifierTree receiver
          && ASTHelpers.getSymbol(receiver) == object;
    }

    private boolean isSendOnObjectsField(MethodInvocationTree call) {
      return GoconcApi.CHAN_SEND.matches(call, state)
          && call.getMethodSelect() instanceof MemberSelectTree select
          && isObjectsField(ASTHelpers.stripParentheses(select.getExpression()));
    }
  }

  /** How many calls into more code of the object a reading follows, one inside another. */
  private static final int MOST_CALLS_FOLLOWED = 3;

  /**
   * The operations of one body (its own code: not its lambdas and classes) on the object's field.
   *
   * @param sends each tree where values go into the field, with how many: {@code ch.send(v)},
   *     {@code this.ch.send(v)}, and {@code ch::send} handed to a JDK method that runs it in place
   *     for each element the source writes out ({@code List.of(a, b).forEach(ch::send)})
   * @param followed each call into more code of the object whose code a call surely runs, with
   *     that code: {@code helper()} on the object itself, {@code new Inner(...)} of an inner class
   *     of the unit (its constructor), {@code new Inner(...).run()} (its method)
   * @param part the trees that make up those operations, which share nothing by themselves
   */
  private record Events(Map<Tree, Integer> sends, Map<Tree, MethodSymbol> followed,
      java.util.Set<Tree> part, Map<Tree, MethodInvocationTree> reported) {

    List<Tree> sendsInSourceOrder() {
      return sends.keySet().stream()
          .sorted(java.util.Comparator.comparingLong(ASTHelpers::getStartPosition))
          .toList();
    }

    /** The call a finding at {@code send} names: the send, or the JDK call running the reference. */
    MethodInvocationTree reportedAt(Tree send) {
      return reported.get(send);
    }

    static Events in(TreePath body, VarSymbol field, VisitorState state) {
      Map<Tree, Integer> sends = new IdentityHashMap<>();
      Map<Tree, MethodSymbol> followed = new IdentityHashMap<>();
      Map<Tree, MethodInvocationTree> reported = new IdentityHashMap<>();
      java.util.Set<Tree> part = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      ClassSymbol owner = (ClassSymbol) field.owner;
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
          if (call.getMethodSelect() instanceof IdentifierTree name
              && name.getName().contentEquals("super") && call.getArguments().isEmpty()) {
            part.add(call); // Object's constructor, as sealedWhileMade asks
            part.add(name);
          } else if (GoconcApi.CHAN_SEND.matches(call, state)
              && call.getMethodSelect() instanceof MemberSelectTree select
              && namesOwnField(ASTHelpers.stripParentheses(select.getExpression()), field)) {
            sends.put(call, 1);
            reported.put(call, call);
            markWithin(call.getMethodSelect());
            part.add(call);
          } else if (ASTHelpers.getSymbol(call) instanceof MethodSymbol method
              && runsOwnCode(call, method, owner, state)) {
            followed.put(call, method);
            markWithin(call.getMethodSelect());
            part.add(call);
          }
          return super.visitMethodInvocation(call, null);
        }

        @Override
        public Void visitNewClass(NewClassTree created, Void unused) {
          if (created.getClassBody() == null
              && ASTHelpers.getSymbol(created) instanceof MethodSymbol constructor
              && innerClassOf(constructor.owner, owner)
              && declaration(constructor.owner, state) instanceof ClassTree type
              && ownClass(type)
              && created.getArguments().stream().noneMatch(FreshObjectBuffers::mayUseTheObject)) {
            part.add(created); // makes an inner object: what it runs is read where it is called
            if (!(getCurrentPath().getParentPath().getLeaf() instanceof MemberSelectTree)) {
              followed.put(created, constructor);
            }
          }
          return super.visitNewClass(created, null);
        }

        @Override
        public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
          TreePath path = getCurrentPath();
          if (reference.getName().contentEquals("send")
              && namesOwnField(ASTHelpers.stripParentheses(reference.getQualifierExpression()),
                  field)
              && path.getParentPath().getLeaf() instanceof MethodInvocationTree runner
              && !dev.goconc.checker.api.JdkApi.OPTIONAL_CALLBACK.matches(runner, state)) {
            int times = Repetition.callbackTimes(path, state);
            if (times != SendCounts.UNBOUNDED) {
              sends.put(runner, times); // the values go in when the JDK method runs it
              reported.put(runner, runner);
              part.add(runner);
              part.add(reference);
              markWithin(reference.getQualifierExpression());
            }
          }
          return super.visitMemberReference(reference, null);
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
          return null;
        }

        @Override
        public Void visitClass(ClassTree type, Void unused) {
          return null;
        }

        private void markWithin(Tree tree) {
          new TreeScanner<Void, Void>() {
            @Override
            public Void scan(Tree t, Void unused) {
              if (t != null) {
                part.add(t);
              }
              return super.scan(t, null);
            }
          }.scan(tree, null);
        }
      }.scan(body, null);
      return new Events(sends, followed, part, reported);
    }
  }

  /** {@code ch}, {@code this.ch} or {@code Outer.this.ch} for the object's own field. */
  private static boolean namesOwnField(ExpressionTree channel, VarSymbol field) {
    return ASTHelpers.getSymbol(channel) == field
        && (channel instanceof IdentifierTree
            || (channel instanceof MemberSelectTree select
                && select.getExpression() instanceof IdentifierTree self
                && self.getName().contentEquals("this"))
            || (channel instanceof MemberSelectTree qualified
                && qualified.getExpression() instanceof MemberSelectTree outer
                && outer.getIdentifier().contentEquals("this")));
  }

  /**
   * Whether {@code call} runs code of the object whose code the call surely runs: an instance
   * method of its class or of an inner class, on the object itself ({@code helper()}, {@code
   * this.helper()}) or on an inner object made right there ({@code new Inner().run()}), with
   * arguments that do not name the object's members.
   */
  private static boolean runsOwnCode(
      MethodInvocationTree call, MethodSymbol method, ClassSymbol owner, VisitorState state) {
    if (ASTHelpers.isStatic(method)
        || call.getArguments().stream().anyMatch(FreshObjectBuffers::mayUseTheObject)) {
      return false;
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    // On an object made right there the call runs exactly the method of its class; on any other
    // receiver, a subclass may replace it.
    boolean exact = receiver != null
        && ASTHelpers.stripParentheses(receiver) instanceof NewClassTree;
    if (!(exact ? ParameterEffects.summarisableOnItsOwnClass(method, state)
        : ParameterEffects.summarisable(method, state))) {
      return false;
    }
    if (receiver == null) {
      return method.owner == owner || innerClassOf(method.owner, owner);
    }
    receiver = ASTHelpers.stripParentheses(receiver);
    return (receiver instanceof IdentifierTree self && self.getName().contentEquals("this")
            && method.owner == owner)
        || (receiver instanceof NewClassTree inner && inner.getClassBody() == null
            && inner.getArguments().stream().noneMatch(FreshObjectBuffers::mayUseTheObject)
            && ASTHelpers.getSymbol(inner) instanceof MethodSymbol constructor
            && constructor.owner == method.owner
            && innerClassOf(method.owner, owner)
            && declaration(method.owner, state) instanceof ClassTree type
            && sealedWhileMade(type));
  }

  /** Whether {@code type} is an inner (not static) class declared inside {@code outer}. */
  private static boolean innerClassOf(Symbol type, ClassSymbol outer) {
    if (!(type instanceof ClassSymbol inner) || ASTHelpers.isStatic(inner)) {
      return false;
    }
    for (Symbol s = inner.owner; s != null; s = s.owner) {
      if (s == outer) {
        return true;
      }
    }
    return false;
  }

  /** The call a statement is, when it is a call and nothing else. */
  private static MethodInvocationTree statementCall(StatementTree statement) {
    return statement instanceof ExpressionStatementTree expression
            && expression.getExpression() instanceof MethodInvocationTree call
        ? call
        : null;
  }

  /** Whether {@code tree} names the variable {@code variable}. */
  private static boolean names(Tree tree, VarSymbol variable) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree name, Void unused) {
        found[0] |= ASTHelpers.getSymbol(name) == variable;
        return null;
      }
    }.scan(tree, null);
    return found[0];
  }

  /**
   * Whether the code at {@code tree} may use the object it runs on: it says {@code this} or
   * {@code super}, names an instance member (or calls one) without a qualifier — of its class or
   * of a class around it, which only the object or one it holds can reach —, makes an inner
   * object (which holds it), or holds a lambda, a method reference or a class body, which may
   * capture it.
   */
  private static boolean mayUseTheObject(Tree tree) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree name, Void unused) {
        Symbol symbol = ASTHelpers.getSymbol(name);
        found[0] |= name.getName().contentEquals("this") || name.getName().contentEquals("super")
            || (symbol != null && !ASTHelpers.isStatic(symbol) && symbol.owner instanceof ClassSymbol
                && (symbol.getKind().isField() || symbol instanceof MethodSymbol));
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
        found[0] = true;
        return null;
      }

      @Override
      public Void visitMemberReference(MemberReferenceTree reference, Void unused) {
        found[0] = true;
        return null;
      }

      @Override
      public Void visitNewClass(NewClassTree created, Void unused) {
        found[0] |= created.getClassBody() != null || capturesThis(created);
        return super.visitNewClass(created, null);
      }
    }.scan(tree, null);
    return found[0];
  }

  /** {@code new Inner()} of an inner or local class: the new object holds the one around it. */
  private static boolean capturesThis(NewClassTree created) {
    return ASTHelpers.getSymbol(created) instanceof MethodSymbol constructor
        && constructor.owner instanceof ClassSymbol type
        && ((!ASTHelpers.isStatic(type) && type.owner instanceof ClassSymbol)
            || type.isDirectlyOrIndirectlyLocal());
  }

  private static final UnitMemo.Fact<Map<ClassSymbol, Map<VarSymbol, Integer>>> BUFFERED =
      new UnitMemo.Fact<>("fresh object buffers");

  /**
   * The classes of the unit that keep a channel in a final field made in its declaration
   * with a constant capacity, and whose construction cannot let the object out; read once per unit.
   */
  private static Map<ClassSymbol, Map<VarSymbol, Integer>> bufferedFields(VisitorState state) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    return UnitMemo.get(state, BUFFERED, unit, () -> {
      Map<ClassSymbol, Map<VarSymbol, Integer>> classes = new IdentityHashMap<>();
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitClass(ClassTree type, Void unused) {
          if (ASTHelpers.getSymbol(type) instanceof ClassSymbol symbol && sealedWhileMade(type)) {
            Map<VarSymbol, Integer> fields = new LinkedHashMap<>();
            for (Tree member : type.getMembers()) {
              if (member instanceof VariableTree variable
                  && ASTHelpers.getSymbol(variable) instanceof VarSymbol field
                  && (field.flags() & Flags.FINAL) != 0 && !ASTHelpers.isStatic(field)
                  && variable.getInitializer() instanceof MethodInvocationTree make
                  && GoconcApi.CHAN_MAKE.matches(make, state)) {
                OptionalInt capacity = ChannelUses.capacity(make);
                if (capacity.isPresent()) {
                  fields.put(field, capacity.getAsInt());
                }
              }
            }
            if (!fields.isEmpty()) {
              classes.put(symbol, fields);
            }
          }
          return super.visitClass(type, null);
        }
      }.scan(unit, null);
      return classes;
    });
  }

  /**
   * Whether making an object of {@code type} runs no code that could hand it out: a class of its
   * own (no {@code extends}, not an inner class that a subclass or outer object could reach),
   * whose field initializers, initializer blocks and constructors only assign values that do not
   * use the object being made.
   */
  private static boolean sealedWhileMade(ClassTree type) {
    if (!ownClass(type)) {
      return false;
    }
    ClassSymbol symbol = ASTHelpers.getSymbol(type);
    for (Tree member : type.getMembers()) {
      if (member instanceof MethodTree method
          && ASTHelpers.getSymbol(method) instanceof MethodSymbol m && m.isConstructor()
          && (method.getBody() == null || !onlyAssignsFields(method.getBody(), symbol))) {
        return false;
      }
    }
    return true;
  }

  /**
   * A class of its own (no {@code extends}) whose field initializers do not use the object being
   * made and which has no instance initializer block: making one runs only its constructor.
   */
  private static boolean ownClass(ClassTree type) {
    if (type.getExtendsClause() != null || type.getKind() != Tree.Kind.CLASS
        || !(ASTHelpers.getSymbol(type) instanceof ClassSymbol symbol)) {
      return false;
    }
    for (Tree member : type.getMembers()) {
      switch (member) {
        case VariableTree variable when !ASTHelpers.isStatic(ASTHelpers.getSymbol(variable)) -> {
          if (variable.getInitializer() != null
              && mayUseTheObject(variable.getInitializer())) {
            return false;
          }
        }
        case BlockTree block when !block.isStatic() -> {
          return false;
        }
        default -> {}
      }
    }
    return true;
  }

  /** The declaration of a class of the unit, or null. */
  private static ClassTree declaration(Symbol type, VisitorState state) {
    return type instanceof ClassSymbol symbol
        ? com.sun.tools.javac.api.JavacTrees.instance(state.context).getTree(symbol)
        : null;
  }

  /**
   * A constructor body of {@code this.f = value;} statements (and the implicit {@code super()})
   * whose values do not use the object.
   */
  private static boolean onlyAssignsFields(BlockTree body, ClassSymbol type) {
    for (StatementTree statement : body.getStatements()) {
      if (statement instanceof ExpressionStatementTree expression
          && expression.getExpression() instanceof MethodInvocationTree call
          && call.getMethodSelect() instanceof IdentifierTree name
          && name.getName().contentEquals("super") && call.getArguments().isEmpty()) {
        continue;
      }
      if (!(statement instanceof ExpressionStatementTree expression)
          || !(expression.getExpression()
              instanceof com.sun.source.tree.AssignmentTree assignment)
          || !(ASTHelpers.getSymbol(assignment.getVariable()) instanceof VarSymbol target)
          || target.owner != type
          || mayUseTheObject(assignment.getExpression())) {
        return false;
      }
    }
    return true;
  }
}
