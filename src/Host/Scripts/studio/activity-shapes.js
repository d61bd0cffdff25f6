// Shapes for our activities: a user task for a human activity, a service task for an automatic one, each carrying its
// vp:activityType and named in Swedish. The palette, the context pad and Studio's keyboard menu all create them here.

/** An <img> source for an activity's icon: the SVG markup (24x24, Material icons) that the server sends with it. */
export function iconUrl(markup) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24" fill="#22242a">${markup}</svg>`;
  return 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
}

export default function ActivityShapes(elementFactory, bpmnFactory) {
  this._elementFactory = elementFactory;
  this._bpmnFactory = bpmnFactory;
}

ActivityShapes.$inject = ['elementFactory', 'bpmnFactory'];

ActivityShapes.prototype.create = function(activity) {
  const type = activity.kind === 'Automatic' ? 'bpmn:ServiceTask' : 'bpmn:UserTask';
  const businessObject = this._bpmnFactory.create(type, { name: activity.displayName });
  businessObject.set('vp:activityType', activity.type);
  return this._elementFactory.createShape({ type, businessObject });
};

/** A boundary timer for a deadline: non-interrupting, so the task stays open while the escalation runs. */
ActivityShapes.prototype.createDeadlineTimer = function() {
  const definition = this._bpmnFactory.create('bpmn:TimerEventDefinition');
  const businessObject = this._bpmnFactory.create('bpmn:BoundaryEvent', {
    name: 'Tidsfrist',
    cancelActivity: false,
    eventDefinitions: [definition],
  });
  definition.$parent = businessObject;
  return this._elementFactory.createShape({ type: 'bpmn:BoundaryEvent', businessObject });
};
