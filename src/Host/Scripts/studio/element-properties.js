// What Studio's properties panel (a Blazor component) shows of the selected element, and the changes it sends back.
// Everything of ours is in the vp namespace (vp:activityType, vp:input, vp:deadlineRule, vp:anchor); other tools'
// attributes and extension elements are left as they are.
import { getBusinessObject, is } from 'bpmn-js/lib/util/ModelUtil';

const VP_INPUT = 'vp:Input';

function timerDefinition(bo) {
  return (bo.eventDefinitions || []).find(d => is(d, 'bpmn:TimerEventDefinition'));
}

function messageDefinition(bo) {
  return (bo.eventDefinitions || []).find(d => is(d, 'bpmn:MessageEventDefinition'));
}

function vpInputs(bo) {
  return ((bo.extensionElements && bo.extensionElements.values) || []).filter(v => is(v, VP_INPUT));
}

function describeTimer(definition) {
  const rule = definition.get('vp:deadlineRule');
  const anchor = definition.get('vp:anchor');
  const expression = kind => definition[kind] && definition[kind].body;
  const literalKind = ['timeDuration', 'timeDate', 'timeCycle'].find(kind => definition[kind]);
  return {
    mode: rule ? 'rule' : literalKind || 'none',
    rule: rule || null,
    anchor: anchor || null,
    expression: literalKind ? expression(literalKind) || '' : null,
  };
}

/** A plain object for .NET: the element's kind and the properties Studio edits. */
export function describe(element) {
  const bo = getBusinessObject(element);
  const timer = timerDefinition(bo);
  const message = messageDefinition(bo);
  const process = is(element, 'bpmn:Process') ? bo : is(element, 'bpmn:Participant') ? bo.processRef : null;
  const source = element.source && getBusinessObject(element.source);
  return {
    id: bo.id,
    type: bo.$type,
    name: bo.name || '',
    activityType: is(bo, 'bpmn:Task') ? bo.get('vp:activityType') || null : null,
    inputs: Object.fromEntries(vpInputs(bo).map(i => [i.name, i.value ?? i.body ?? ''])),
    timer: timer ? describeTimer(timer) : null,
    message: message
      ? {
        name: (message.messageRef && message.messageRef.name) || '',
        payload: message.get('vp:payload') || '',
        receivedOn: message.get('vp:receivedOn') || '',
      }
      : null,
    condition: is(bo, 'bpmn:SequenceFlow') ? (bo.conditionExpression && bo.conditionExpression.body) || '' : null,
    isDefaultFlow: !!(source && source.default === bo),
    fromGateway: !!(source && (is(source, 'bpmn:ExclusiveGateway') || is(source, 'bpmn:InclusiveGateway'))),
    isExecutable: process ? !!process.isExecutable : null,
  };
}

function setInputs(element, bo, inputs, { bpmnFactory, modeling, moddle }) {
  let extensionElements = bo.extensionElements;
  if (!extensionElements) {
    extensionElements = bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
    modeling.updateProperties(element, { extensionElements });
  }

  const others = (extensionElements.values || []).filter(v => !is(v, VP_INPUT));
  const ours = Object.entries(inputs)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .map(([name, value]) => {
      const input = moddle.create(VP_INPUT, { name, value: String(value) });
      input.$parent = extensionElements;
      return input;
    });
  modeling.updateModdleProperties(element, extensionElements, { values: [...others, ...ours] });
}

function setTimer(element, definition, timer, { bpmnFactory, modeling }) {
  const literal = kind => (timer.mode === kind ? bpmnFactory.create('bpmn:FormalExpression', { body: timer.expression || '' }) : undefined);
  modeling.updateModdleProperties(element, definition, {
    'vp:deadlineRule': timer.mode === 'rule' ? timer.rule || undefined : undefined,
    // An anchor goes with a rule (its date variable) or with a duration counted from a date variable.
    'vp:anchor': (timer.mode === 'rule' || timer.mode === 'timeDuration') && timer.anchor ? timer.anchor : undefined,
    timeDuration: literal('timeDuration'),
    timeDate: literal('timeDate'),
    timeCycle: literal('timeCycle'),
  });
}

function setMessage(element, definition, { name, payload, receivedOn }, { bpmnFactory, modeling, canvas }) {
  modeling.updateModdleProperties(element, definition, {
    'vp:payload': payload ? payload.trim() : undefined,
    'vp:receivedOn': receivedOn ? receivedOn.trim() : undefined,
  });
  if (!name) {
    modeling.updateModdleProperties(element, definition, { messageRef: undefined });
    return;
  }

  const definitions = canvas.getRootElement().businessObject.$parent;
  let message = (definitions.rootElements || []).find(e => is(e, 'bpmn:Message') && e.name === name);
  if (!message) {
    message = bpmnFactory.create('bpmn:Message', { name });
    message.$parent = definitions;
    definitions.rootElements.push(message);
  }

  modeling.updateModdleProperties(element, definition, { messageRef: message });
}

function setCondition(element, bo, condition, { bpmnFactory, modeling }) {
  const body = (condition || '').trim();
  modeling.updateProperties(element, {
    conditionExpression: body ? bpmnFactory.create('bpmn:FormalExpression', { body }) : undefined,
  });
}

/** Applies a change from the properties panel: only the keys present in `patch` change, each as one undoable command. */
export function apply(element, patch, services) {
  const { modeling } = services;
  const bo = getBusinessObject(element);
  if ('name' in patch) {
    modeling.updateLabel(element, patch.name || '');
  }
  if ('activityType' in patch && is(bo, 'bpmn:Task')) {
    modeling.updateProperties(element, { 'vp:activityType': patch.activityType || undefined });
  }
  if ('inputs' in patch) {
    setInputs(element, bo, patch.inputs || {}, services);
  }
  if ('timer' in patch && timerDefinition(bo)) {
    setTimer(element, timerDefinition(bo), patch.timer, services);
  }
  if ('message' in patch && messageDefinition(bo)) {
    setMessage(element, messageDefinition(bo), patch.message, services);
  }
  if ('condition' in patch && is(bo, 'bpmn:SequenceFlow')) {
    setCondition(element, bo, patch.condition, services);
  }
  if ('isDefaultFlow' in patch && is(bo, 'bpmn:SequenceFlow') && element.source) {
    const current = getBusinessObject(element.source).default;
    modeling.updateProperties(element.source, { default: patch.isDefaultFlow ? bo : current === bo ? undefined : current });
  }
}
