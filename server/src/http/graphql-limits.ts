import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  getVariableValues,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { SecurityConfig } from '../config';

export interface GraphQLLimits {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
}

/**
 * The largest page any paged field serves: each refuses a bigger `first` (`@Max(100)` in the
 * booking, lecture and course args) naming the field. A bigger page is priced as this one, so that
 * refusal, not a cost figure, is what the client reads.
 */
const LARGEST_PAGE = 100;

/**
 * graphql-armor's cost formula (its defaults: a scalar 1, an object 2 plus 1.5 × its selections, a
 * list times its `first`/`last`), but over the arguments as the request gives them. Armor's own rule
 * multiplies only by a literal `first: 100`; `first: $first`, what every client sends, priced as 1.
 * graphql-query-complexity hands the estimator each field's arguments with the variables and the
 * schema's defaults applied, so an omitted (or null) `first` costs its default page (20).
 * Fragments count as the fields they add; introspection (`__schema`, `__type`) costs nothing, as
 * in armor.
 */
const armorCost: ComplexityEstimator = ({ field, node, args, childComplexity }) => {
  if (field.name === '__schema' || field.name === '__type') return 0;
  if (!node.selectionSet) return 1;
  // `first: null` gets the default page too (lectures: "null means 20").
  const size = (name: string) => args[name] ?? field.args.find((arg) => arg.name === name)?.defaultValue;
  const page = Math.max(1, ...[size('first'), size('last')].filter((n): n is number => Number.isInteger(n)));
  return (2 + 1.5 * childComplexity) * Math.min(page, LARGEST_PAGE);
};

/** The cost of the operation `operation` of `document` with these variables (which must coerce). */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): number {
  // Only the operation that runs (an anonymous one is alone in its document).
  return getComplexity({ schema, query: document, variables, operationName: operation.name?.value, estimators: [armorCost] });
}

/**
 * Why the operation is too costly to run, or null. Variables that do not coerce are left to
 * execution, which refuses them with every problem named, as it would without this check.
 */
export function costProblem(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  maxCost: number,
): string | null {
  if (getVariableValues(schema, operation.variableDefinitions ?? [], variables).errors) return null;
  let cost: number;
  try {
    cost = queryCost(schema, document, operation, variables);
  } catch (error) {
    // e.g. "Query exceeds the maximum allowed number of nodes.": fragments spread over and over.
    return error instanceof Error ? error.message : String(error);
  }
  return cost > maxCost ? `Query Cost limit of ${maxCost} exceeded, found ${Math.round(cost)}.` : null;
}

/** Refuses a too costly operation once its variables are known, before any resolver runs. */
function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return; // Apollo has refused it already
          const problem = costProblem(schema, document, operation, request.variables ?? {}, maxCost);
          if (problem) throw new GraphQLError(problem, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
        },
      };
    },
  };
}

/**
 * graphql-armor's rules sized from `config.security.graphql`: a document that is too deep, or has
 * too many aliases or directives, is refused at validation; one that is too costly once its
 * variables are known, just after (costLimitPlugin). Both before any resolver runs. Their messages
 * name the limit ("Query Cost limit of 15000 exceeded, found 15530."): what a client developer
 * needs, and nothing an attacker could not find by trying.
 *
 * The token limit is graphql-js's own (`parse(…, { maxTokens })`, via Apollo's parseOptions), not
 * armor's: armor's Apollo plugin throws from `parsingDidStart`, which Apollo 5 answers as an
 * unexpected error with HTTP 500; the parser's limit is a parse error, a 400 like any bad syntax,
 * and the document is not parsed twice.
 */
export function graphqlLimits(security: SecurityConfig): GraphQLLimits {
  const limits = security.graphql;
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    // Priced by costLimitPlugin instead, with the request's variables.
    costLimit: { enabled: false },
    maxAliases: { n: limits.maxAliases },
    maxDirectives: { n: limits.maxDirectives },
    maxTokens: { enabled: false },
    // "Did you mean …?" spells out the schema field by field: hidden whenever introspection is.
    blockFieldSuggestion: { enabled: !security.introspection },
  }).protect();
  return {
    plugins: [...(plugins as ApolloServerPlugin[]), costLimitPlugin(limits.maxCost)],
    validationRules: validationRules as ValidationRule[],
    parseOptions: { maxTokens: limits.maxTokens },
  };
}

/**
 * What the server would say about a document before running it, by the same rules it serves with:
 * the token limit at parse, graphql-js's own validation plus armor's rules, then the cost with
 * these variables. Used by tests to prove every operation the mini program sends stays within the
 * limits.
 */
export function limitProblems(schema: GraphQLSchema, source: string, security: SecurityConfig, variables: Record<string, unknown> = {}): string[] {
  const { validationRules, parseOptions } = graphqlLimits(security);
  let document;
  try {
    document = parse(source, parseOptions);
  } catch (error) {
    return [error instanceof GraphQLError ? error.message : String(error)];
  }
  const problems = validate(schema, document, [...specifiedRules, ...validationRules]).map((error) => error.message);
  if (problems.length > 0) return problems;
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition')!;
  const cost = costProblem(schema, document, operation, variables, security.graphql.maxCost);
  return cost ? [cost] : [];
}
