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
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.api.GoconcApi;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The buffered channel fields of an object a method has just made and not yet shared with anyone:
 * until the object is handed to other code, only the method's own statements can use its
 * channels, so a send that finds the buffer full waits for good — nothing else can receive.
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
 *   <li>{@code x.m(...);} with arguments that do not name {@code x}, for a method of {@code C} whose
 *       code runs there ({@link ParameterEffects#summarisable}), is read statement by statement
 *       the same way: {@code ch.send(v);} (or {@code this.ch}) adds a value, a statement that names
 *       neither the object nor its members changes nothing, and anything else ends the reading;
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
        if (isSendOn(call, this::isObjectsField)) {
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
          || !ParameterEffects.summarisable(method, state)) {
        return null;
      }
      MethodTree declaration = GoroutineBodies.declarationInUnit(method, state).orElse(null);
      if (declaration == null || declaration.getBody() == null) {
        return null;
      }
      for (StatementTree statement : declaration.getBody().getStatements()) {
        MethodInvocationTree inner = statementCall(statement);
        if (inner != null && isSendOn(inner, this::isOwnField)) {
          if (values >= capacity) {
            return Optional.of(new Full(inner, field, capacity, made, call));
          }
          values++;
        } else if (namesMembersOf(statement, (ClassSymbol) field.owner)) {
          return null;
        }
      }
      return Optional.empty();
    }

    private boolean isObjectsField(ExpressionTree channel) {
      return channel instanceof MemberSelectTree select
          && ASTHelpers.getSymbol(select) == field
          && select.getExpression() instanceof IdentifierTree receiver
          && ASTHelpers.getSymbol(receiver) == object;
    }

    private boolean isOwnField(ExpressionTree channel) {
      return ASTHelpers.getSymbol(channel) == field
          && (channel instanceof IdentifierTree
              || (channel instanceof MemberSelectTree select
                  && select.getExpression() instanceof IdentifierTree self
                  && self.getName().contentEquals("this")));
    }

    private boolean isSendOn(
        MethodInvocationTree call, java.util.function.Predicate<ExpressionTree> channel) {
      return GoconcApi.CHAN_SEND.matches(call, state)
          && call.getMethodSelect() instanceof MemberSelectTree select
          && channel.test(ASTHelpers.stripParentheses(select.getExpression()));
    }
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
   * Whether code of {@code type} at {@code tree} may use the object it runs on: it says {@code
   * this} or {@code super}, names an instance member of the class (or calls one) without a
   * qualifier, or holds a lambda, a method reference or a class body, which may capture it.
   */
  private static boolean namesMembersOf(Tree tree, ClassSymbol type) {
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
        found[0] |= created.getClassBody() != null;
        return super.visitNewClass(created, null);
      }
    }.scan(tree, null);
    return found[0];
  }

  private static final UnitMemo.Fact<Map<ClassSymbol, Map<VarSymbol, Integer>>> BUFFERED =
      new UnitMemo.Fact<>("fresh object buffers");

  /**
   * The classes of the unit that keep a buffered channel in a final field made in its declaration
   * with a constant capacity, and whose construction cannot let the object out; read once per unit.
   */
  private static Map<ClassSymbol, Map<VarSymbol, Integer>> bufferedFields(VisitorState state) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    return UnitMemo.get(state, BUFFERED, unit, () -> {
      Map<ClassSymbol, Map<VarSymbol, Integer>> classes = new IdentityHashMap<>();
      new TreePathScanner<Void, Void>() {
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
                if (capacity.isPresent() && capacity.getAsInt() > 0) {
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
    if (type.getExtendsClause() != null || type.getKind() != Tree.Kind.CLASS
        || !(ASTHelpers.getSymbol(type) instanceof ClassSymbol symbol)) {
      return false;
    }
    for (Tree member : type.getMembers()) {
      switch (member) {
        case VariableTree variable when !ASTHelpers.isStatic(ASTHelpers.getSymbol(variable)) -> {
          if (variable.getInitializer() != null
              && namesMembersOf(variable.getInitializer(), symbol)) {
            return false;
          }
        }
        case BlockTree block when !block.isStatic() -> {
          return false;
        }
        case MethodTree method
            when ASTHelpers.getSymbol(method) instanceof MethodSymbol m && m.isConstructor() -> {
          if (method.getBody() == null || !onlyAssignsFields(method.getBody(), symbol)) {
            return false;
          }
        }
        default -> {}
      }
    }
    return true;
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
          || namesMembersOf(assignment.getExpression(), type)) {
        return false;
      }
    }
    return true;
  }
}
