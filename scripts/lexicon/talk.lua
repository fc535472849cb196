-- talk.lua: phrases of listening talk that the fitted models read as evidence (see
-- game/analysis/an_model.h): hedged restatements, pointing back at what the partner said,
-- two-sided summaries, praise, tag questions and indirect questions. A cue here is only an
-- input to a model or a rule, never a move on its own; those under model_cues are read by
-- the fitted model alone and are left out of the features the rules see. Written for Heard.
return {
  model_cues = {
    hedge = {
      "(kind|sort) of", "a (little|bit|little bit)", "(maybe|perhaps|probably)", "i (guess|suspect|imagine)",
      "(somewhat|fairly|pretty)", "(a lot of|lots of) the time",
    },
    you_state = {
      "you (are|were|have been|do|did|had|have|might|may|would|still|really|also|just)? *1 (feel|feeling|felt|want|wanted|wanting|need|needed|think|thought|thinking|believe|worry|worried|hope|hoping)",
      "you (are|were|have been|do|did|had|have|might|may|would|still|really|also|just)? *1 (like|love|hate|enjoy|know|knew|noticed|noticing|find|found|mean|wish|care|prefer|seem|sound|sounded)",
      "you (are|were|have been|do|did|had|have|might|may|would|still|really|also|just)? *1 (sense|see|saw|realize|realized|struggle|struggling|considering|planning|trying|tried|concerned|unsure)",
      "you (are|were|have been|still|really|also|just)? *1 (sure|ready|comfortable|confident|happy|pleased|upset|frustrated|scared|afraid|tired|stuck|torn)",
    },
    you_modal = {
      "you (can|could|should|need to|have to|must|might want to|may want to|will want to|will need to|will have to|are going to have to)",
      "(make sure|be sure) (you|to)",
    },
    inform = {
      "(it is|that is) (important|recommended|best|safe|not safe|dangerous|risky) (to|that|for)",
      "(research|studies|the evidence|the guidelines|doctors|experts) (show|shows|suggest|suggests|say|says|recommend|recommends)",
      "(i|we) (recommend|suggest|would suggest|would recommend|advise)", "(can|will|may|might) (cause|lead to|increase|lower|reduce|raise)",
      "(the|this|that) (medication|medicine|treatment|drug|pill|program|programme|test|plan) (is|will|can|works|helps)",
      "(let me|i will|i want to|i would like to|i am going to) (tell|explain|share|give|show|go over)",
    },
    you_said = {
      "you (mentioned|said|told me|were saying|talked about|described|brought up|shared)",
      "(what|something) you (said|mentioned)", "as you (said|put it)", "in your (words|view|eyes|mind)",
    },
    for_you = {
      "(important|hard|difficult|tough|helpful|easy|scary|frustrating|stressful|a struggle|a big deal|a lot|a priority|a concern|a worry|a goal) (to|for) you",
      "(matters|means a lot) to you", "for you (right now|at the moment|these days)",
      "(something|what) you (want|value|care about|are after|are looking for|are hoping)",
    },
    two_sided = {
      "on the (one|other) hand", "part of you", "at the same time", "and yet", "but (also|then again)",
      "(some|other) (days|times) you", "(one|other) side", "(but|yet) you (also|still)",
      "(while|although|whereas|even though) you", "(mixed|conflicted|ambivalent|torn)", "two minds",
    },
    affirm = {
      "^ (that is|that sounds|it is|it sounds)? (really|so|very)? (great|good|excellent|wonderful|fantastic|awesome|perfect|brilliant|terrific)",
      "good (for you|job|work|idea|point)", "you are (very|most)? welcome", "well done", "i (commend|applaud|admire) you", "(you|that) (did|done) (great|well)",
    },
    -- an amount, a frequency or a time: a fact put to the partner to confirm
    amount = {
      "(times|once|twice|often|ago|percent|per|average|daily|weekly|nightly|every|each)",
      "(how|so|that|too|as) (much|many|long)", "(about|around|roughly|maybe|almost|over|under|nearly) (a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred|couple|few)",
      "(one|two|three|four|five|six|seven|eight|nine|ten|a couple|a few) (or|to) (two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)",
      "(day|days|week|weeks|month|months|year|years|hour|hours|minute|minutes|night|nights|weekend|weekends)",
    },
    -- asking whether one heard the meaning: "you mean...?", "you're saying...?"
    you_mean = {
      "you (mean|are saying|were saying|are telling me|meant)", "(are|were) you saying",
    },
    tag_question = {
      "^ (right|okay|ok|yeah|yes|huh|hm|no) ?", ", (right|okay|ok|huh|yeah|no) ?", "(is it not|does it not|do you not|are you not|did you not) ?",
      "you know what i mean ?", ", you know ?",
    },
  },
  -- the rules read these too: asking without a question mark
  cues = {
    wonder = {
      "i (wonder|am wondering|was wondering|am curious|was curious|would be curious|would like to know|would love to hear)",
      "i am (interested in|interested to hear)", "(curious|wondering) (what|how|whether|if|about)",
    },
    tell_me = {
      "^ (tell|talk to|walk) (me|us) (a little|a bit|something|more|about|through|what|how|why|where|when)",
      "^ (say|share) (a little|a bit|something)? (more|about)", "help me understand",
      "(can|could|would) you (tell|talk to|walk) (me|us) (a little|a bit|something|more|about|through)",
    },
  },
}
